/**
 * Exit codes and the one-line error messages of the CLI. Nothing reaches the terminal as a stack trace
 * unless GLANCE_LINEAGE_DEBUG=1 asks for it.
 */
import { isOpenStackError } from '../openstack/errors';

export const EXIT = {
  ok: 0,
  /** The cloud could not be reached or refused us, the configuration is wrong, or a bug. */
  error: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** `clean --yes`: at least one item failed (the others were done; see the per-item results). */
  partial: 3,
} as const;

/** A mistake in the command line: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** A failure the CLI itself detects (no cloud configured, image not found), exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();

/** Node's parseArgs throws TypeErrors with these codes for unknown options, missing values and so on. */
function isParseArgsError(e: unknown): e is Error & { code: string } {
  if (!(e instanceof Error)) return false;
  const code: unknown = (e as Error & { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

export function describeError(e: unknown): { message: string; exitCode: number } {
  if (e instanceof UsageError) {
    const help = e.command ? `glance-lineage ${e.command} --help` : 'glance-lineage --help';
    return { message: `glance-lineage: ${oneLine(e.message)} (see ${help})`, exitCode: EXIT.usage };
  }
  if (isParseArgsError(e))
    return {
      message: `glance-lineage: ${oneLine(e.message)} (see glance-lineage --help)`,
      exitCode: EXIT.usage,
    };
  if (e instanceof CliError)
    return { message: `glance-lineage: ${oneLine(e.message)}`, exitCode: EXIT.error };
  if (isOpenStackError(e)) {
    const { message, service, status, requestId, code } = e.envelope;
    const where: string[] = [];
    if (service !== 'proxy') where.push(service);
    // Network failures carry a synthetic 502/504: no HTTP answer was received, so none is named.
    const answered = code !== 'upstream_unreachable' && code !== 'upstream_timeout';
    if (status > 0 && answered) where.push(`HTTP ${status}`);
    if (requestId) where.push(`request ${requestId}`);
    const suffix = where.length > 0 && code !== 'config_error' ? ` [${where.join(', ')}]` : '';
    return { message: `glance-lineage: ${oneLine(message)}${suffix}`, exitCode: EXIT.error };
  }
  const text = e instanceof Error ? e.message : String(e);
  return { message: `glance-lineage: unexpected error: ${oneLine(text)}`, exitCode: EXIT.error };
}
