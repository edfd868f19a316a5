/**
 * The `glance-lineage` command: `main(argv, io)` parses, connects, runs one command and returns the exit
 * code. It never throws: every failure becomes one line on stderr (stack traces only with
 * GLANCE_LINEAGE_DEBUG=1). `bin/glance-lineage.mjs` calls it with the real process.
 */
import { parseCommandLine } from './args';
import type { Command } from './args';
import type { Connect } from './cloud';
import { describeError, EXIT } from './errors';
import { COMMAND_HELP, MAIN_HELP } from './help';
import type { CliIo } from './io';
import type { CommandContext } from './commands/context';

export interface MainDeps {
  /** How to reach the cloud; defaults to clouds.yaml / OS_* / the simulator (connect.ts). */
  connect?: Connect;
}

async function run(command: Exclude<Command, { name: 'help' }>, ctx: CommandContext): Promise<number> {
  switch (command.name) {
    case 'tree':
      return (await import('./commands/tree')).runTree(command, ctx);
    case 'show':
      return (await import('./commands/show')).runShow(command, ctx);
    case 'orphans':
      return (await import('./commands/orphans')).runOrphans(command, ctx);
    case 'export':
      return (await import('./commands/export')).runExport(command, ctx);
    case 'clean':
      return (await import('./commands/clean')).runClean(command, ctx);
  }
}

export async function main(argv: readonly string[], io: CliIo, deps: MainDeps = {}): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.name === 'help') {
      io.stdout(command.topic ? COMMAND_HELP[command.topic] : MAIN_HELP);
      return EXIT.ok;
    }
    const connect = deps.connect ?? (await import('./connect')).connectCloud;
    const cloud = await connect(command.cloud, io);
    return await run(command, { cloud, io, now: io.now?.() ?? new Date() });
  } catch (e) {
    const { message, exitCode } = describeError(e);
    io.stderr(`${message}\n`);
    if (io.env.GLANCE_LINEAGE_DEBUG === '1' && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return exitCode;
  }
}
