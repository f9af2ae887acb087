import { Command } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };

/** Builds one subcommand; its module, and what that imports, load only when this is called. */
type CommandLoader = () => Promise<Command>;

/**
 * The platform-free subcommands by name. Each is imported only when it runs: `check` needs the
 * matcher, `ledger` the database drivers, `bench` MiniSearch; loading them all would cost every
 * call the better part of a second.
 */
const COMMANDS: Readonly<Record<string, CommandLoader>> = {
  eval: async () => (await import('./evalCommand.js')).evalCommand(),
  bench: async () => (await import('./benchCommand.js')).benchCommand(),
  'bench-ledger': async () => (await import('./benchLedgerCommand.js')).benchLedgerCommand(),
  check: async () => (await import('./check.js')).checkCommand(),
  scan: async () => (await import('./scan/scanCommand.js')).scanCommand(),
  db: async () => (await import('./db/index.js')).dbCommand(),
  ledger: async () => (await import('./ledger/index.js')).ledgerCommand(),
};

/**
 * The `rumorguard` command line for `args` (the arguments after the script's name): the
 * subcommand they name, or every subcommand when help will list them or the name is unknown (so
 * commander can suggest one). `extra` are commands the caller built itself: the entry point
 * (adapters/cli.ts) adds `start`, which needs the chat adapters that src/ must not import.
 */
export async function buildProgram(args: readonly string[], extra: readonly Command[] = []): Promise<Command> {
  const program = new Command('rumorguard')
    .description('Group-chat rumor moderation: match messages against refuted rumors, keep the ledger, measure the matcher.')
    .version(packageJson.version, '-V, --version', 'print the version');
  const names = commandsNeeded(args, new Set(extra.map((c) => c.name())));
  const loaders = Object.entries(COMMANDS).filter(([name]) => names.has(name));
  const built = await Promise.all(loaders.map(([, load]) => load()));
  for (const command of [...built, ...extra]) program.addCommand(command);
  return program;
}

/** The names of COMMANDS that parsing `args` will need. */
function commandsNeeded(args: readonly string[], extraNames: ReadonlySet<string>): Set<string> {
  const all = new Set(Object.keys(COMMANDS));
  // rumorguard has no option that takes a value, so the first word that is not an option is the
  // subcommand; `help <name>` asks about another.
  const words = args.filter((a) => !a.startsWith('-'));
  const named = words[0] === 'help' ? words[1] : words[0];
  if (named !== undefined && (all.has(named) || extraNames.has(named))) return new Set(all.has(named) ? [named] : []);
  // No arguments, `help`, `--help` or an unknown subcommand: commander lists them all. What is
  // left (`--version`, an unknown option) needs none.
  const listed = args.length === 0 || words.length > 0 || args.some((a) => a === '-h' || a === '--help');
  return listed ? all : new Set();
}
