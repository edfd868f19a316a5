import type { CliCloud } from '../cloud';
import type { CliIo } from '../io';

/** What every command gets: the connected cloud, the terminal, and the time the command started. */
export interface CommandContext {
  cloud: CliCloud;
  io: CliIo;
  now: Date;
}
