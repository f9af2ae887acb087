import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';

const ALL = ['eval', 'bench', 'bench-ledger', 'check', 'scan', 'db', 'ledger'];
const start = () => new Command('start');
const names = async (args: string[]) => (await buildProgram(args, [start()])).commands.map((c) => c.name());

// Each subcommand's module loads only when needed: that is what keeps `rumorguard --version` and
// `rumorguard check` from loading the database drivers, MiniSearch and the bench corpus.
describe('buildProgram', () => {
  it.each([
    [['check', 'hello', '--json'], ['check', 'start']],
    [['ledger', 'export', '--group', 'g'], ['ledger', 'start']],
    [['--json', 'scan', 'chat.txt'], ['scan', 'start']],
    [['help', 'db'], ['db', 'start']],
    [['start'], ['start']],
    [['--version'], ['start']],
  ])('GIVEN %j THEN only %j are built', async (args, expected) => {
    expect(await names(args)).toEqual(expected);
  });

  it.each([[[]], [['--help']], [['help']], [['chek']]])('GIVEN %j (help, or a name to suggest a command for) THEN every command is built', async (args) => {
    expect(await names(args)).toEqual([...ALL, 'start']);
  });

  it('GIVEN --version THEN it prints the version of package.json', async () => {
    const program = await buildProgram(['--version']);
    let printed = '';
    program.exitOverride().configureOutput({ writeOut: (text) => (printed += text) });
    expect(() => program.parse(['node', 'rumorguard', '--version'])).toThrow();
    expect(printed).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
