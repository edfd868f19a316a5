/** Parses the command line with node:util parseArgs into one typed command. */
import { parseArgs } from 'node:util';
import { UsageError } from './errors';

export type CommandName = 'tree' | 'show' | 'orphans' | 'export' | 'clean';
export const COMMANDS: readonly CommandName[] = ['tree', 'show', 'orphans', 'export', 'clean'];

export interface CloudChoice {
  /** clouds.yaml entry name (--cloud). */
  cloud: string | null;
  demo: boolean;
  allProjects: boolean;
}

export interface CleanRule {
  orphans: boolean;
  olderThanDays: number | null;
  keepPerServer: number | null;
}

export type Command =
  | { name: 'help'; topic: CommandName | null }
  | { name: 'tree'; cloud: CloudChoice; json: boolean; image: string | null }
  | { name: 'show'; cloud: CloudChoice; json: boolean; image: string }
  | { name: 'orphans'; cloud: CloudChoice; json: boolean }
  | { name: 'export'; cloud: CloudChoice; format: 'json' | 'csv' }
  | { name: 'clean'; cloud: CloudChoice; json: boolean; rule: CleanRule; yes: boolean; concurrency: number };

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  cloud: { type: 'string' },
  demo: { type: 'boolean' },
  'all-projects': { type: 'boolean' },
  format: { type: 'string' },
  orphans: { type: 'boolean' },
  'older-than': { type: 'string' },
  'keep-per-server': { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  concurrency: { type: 'string' },
} as const;

type OptionName = keyof typeof OPTIONS;
const COMMON: readonly OptionName[] = ['help', 'cloud', 'demo', 'all-projects'];
const ALLOWED: Record<CommandName, readonly OptionName[]> = {
  tree: [...COMMON, 'json'],
  show: [...COMMON, 'json'],
  orphans: [...COMMON, 'json'],
  export: [...COMMON, 'format'],
  clean: [...COMMON, 'json', 'orphans', 'older-than', 'keep-per-server', 'yes', 'concurrency'],
};

function isCommand(s: string | undefined): s is CommandName {
  return s !== undefined && (COMMANDS as readonly string[]).includes(s);
}

function wholeNumber(value: string, option: string, command: CommandName, min: number): number {
  if (!/^\d+$/.test(value.trim()))
    throw new UsageError(`--${option} needs a whole number, got "${value}"`, command);
  const n = Number(value.trim());
  if (n < min) throw new UsageError(`--${option} must be at least ${min}`, command);
  return n;
}

export function parseCommandLine(argv: readonly string[]): Command {
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
    tokens: true,
  });
  const [first, ...rest] = positionals;
  if (first === 'help') {
    const topic = rest[0];
    if (topic !== undefined && !isCommand(topic)) throw new UsageError(`unknown command "${topic}"`);
    return { name: 'help', topic: topic ?? null };
  }
  if (first === undefined) {
    if (values.help) return { name: 'help', topic: null };
    throw new UsageError('a command is needed: tree, show, orphans, export or clean');
  }
  if (!isCommand(first))
    throw new UsageError(`unknown command "${first}" (commands: ${COMMANDS.join(', ')})`);
  const command = first;
  if (values.help) return { name: 'help', topic: command };

  for (const t of tokens) {
    if (t.kind === 'option' && !(ALLOWED[command] as readonly string[]).includes(t.name))
      throw new UsageError(`${command} does not take --${t.name}`, command);
  }

  if (values.demo && values.cloud !== undefined)
    throw new UsageError('--demo and --cloud exclude each other', command);
  if (values.cloud !== undefined && values.cloud.trim() === '')
    throw new UsageError('--cloud needs the name of a clouds.yaml entry', command);
  const cloud: CloudChoice = {
    cloud: values.cloud ?? null,
    demo: values.demo ?? false,
    // The demo cloud is seen by its admin across all projects: a simulator in this process, nothing real.
    allProjects: (values['all-projects'] ?? false) || (values.demo ?? false),
  };
  const json = values.json ?? false;
  const maxPositionals = command === 'tree' || command === 'show' ? 1 : 0;
  if (rest.length > maxPositionals)
    throw new UsageError(`unexpected argument "${rest[maxPositionals]}"`, command);

  switch (command) {
    case 'tree':
      return { name: 'tree', cloud, json, image: rest[0] ?? null };
    case 'show': {
      const image = rest[0];
      if (image === undefined) throw new UsageError('show needs an IMAGE (id or name)', command);
      return { name: 'show', cloud, json, image };
    }
    case 'orphans':
      return { name: 'orphans', cloud, json };
    case 'export': {
      const format = values.format ?? 'json';
      if (format !== 'json' && format !== 'csv')
        throw new UsageError(`--format must be json or csv, got "${format}"`, command);
      return { name: 'export', cloud, format };
    }
    case 'clean': {
      const olderThan = values['older-than'];
      const keep = values['keep-per-server'];
      const rule: CleanRule = {
        orphans: values.orphans ?? false,
        olderThanDays: olderThan === undefined ? null : wholeNumber(olderThan, 'older-than', command, 0),
        keepPerServer: keep === undefined ? null : wholeNumber(keep, 'keep-per-server', command, 0),
      };
      if (!rule.orphans && rule.olderThanDays === null && rule.keepPerServer === null)
        throw new UsageError(
          'clean needs a rule: --orphans, --older-than DAYS and/or --keep-per-server N',
          command,
        );
      const concurrency =
        values.concurrency === undefined ? 8 : wholeNumber(values.concurrency, 'concurrency', command, 1);
      if (concurrency > 64) throw new UsageError('--concurrency must be at most 64', command);
      return { name: 'clean', cloud, json, rule, yes: values.yes ?? false, concurrency };
    }
  }
}
