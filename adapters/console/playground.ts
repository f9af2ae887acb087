import { createInterface } from 'node:readline';
import { ADMIN_HELP, isAdminCommand, runAdminCommand } from '../../src/commands/adminCommands.js';
import type { ChatMember, ChatMessage } from '../../src/engine/chatMessage.js';
import type { Decision } from '../../src/engine/decision.js';
import type { Engine } from '../../src/engine/engine.js';
import { formatDecision, formatExplain } from './formatDecision.js';

export interface PlaygroundOptions {
  engine: Engine;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const GROUP = 'console';
/** The playground's group owner: the one member who may run admin commands. */
const OWNER = 'owner';

const HELP = [
  'You are in a local group chat. Type a message as a member; RumorGuard shows what it would do.',
  `  /as <name>     speak as another member (you are "alice"; "${OWNER}" is the group admin)`,
  '  /edit <text>   edit your last message (it is checked again)',
  '  /why           every rule considered for the last message',
  '  /admin         the admin commands (/rg …)',
  '  /help, /quit',
];

/** The local playground: a console group chat driven by the real engine, in memory. */
export async function runPlayground({ engine, input, output }: PlaygroundOptions): Promise<void> {
  const write = (lines: string[]) => output.write(`${lines.join('\n')}\n`);
  const member = (name: string): ChatMember => ({ id: name, name, isAdmin: name === OWNER });
  let current = member('alice');
  let counter = 0;
  let last: Decision | undefined;
  const lastMessageOf = new Map<string, ChatMessage>();
  write(HELP);

  const rl = createInterface({ input, terminal: false });
  for await (const line of rl) {
    const text = line.trim();
    if (text === '') continue;
    if (text === '/quit') break;
    if (text === '/help') {
      write(HELP);
      continue;
    }
    if (text === '/admin') {
      write([`Admin commands (speak as "${OWNER}" first: /as ${OWNER}):`, ...ADMIN_HELP.map((l) => `  ${l}`)]);
      continue;
    }
    if (text === '/why') {
      write(last ? formatExplain(last) : ['  (no message yet)']);
      continue;
    }
    const as = /^\/as\s+(\S+)$/.exec(text);
    if (as) {
      current = member(as[1]!);
      write([`  (you are now ${current.name}${current.isAdmin ? ', a group admin' : ''})`]);
      continue;
    }
    if (isAdminCommand(text)) {
      const result = await runAdminCommand(engine, GROUP, current, text);
      write(result.reply.split('\n').map((l) => `  ${l}`));
      continue;
    }
    const edit = /^\/edit\s+(.+)$/.exec(text);
    const previous = lastMessageOf.get(current.id);
    if (edit && !previous) {
      write(['  (nothing to edit yet)']);
      continue;
    }
    const message: ChatMessage = edit
      ? { ...previous!, text: edit[1]!, edited: true, sentAt: Date.now() }
      : {
          platform: 'console',
          groupId: GROUP,
          messageId: String(++counter),
          member: current,
          text,
          sentAt: Date.now(),
          link: `console#${counter}`,
        };
    lastMessageOf.set(current.id, message);
    last = await engine.evaluate(message);
    write(formatDecision(last, current.name));
  }
  rl.close();
}
