/**
 * Everything the CLI touches outside itself, so `main` runs in-process in tests with captured output.
 * `bin/glance-lineage.mjs` passes the real process streams and environment.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** The fetch used to reach a real cloud (tests inject one); the simulator brings its own. */
  fetch?: typeof fetch;
  /** The clock for age-based rules (tests pin it). */
  now?: () => Date;
  /** Cancels a running `clean --yes` (Ctrl-C): items not started yet are reported as cancelled. */
  signal?: AbortSignal;
}

/** An io that collects output in strings, for tests. */
export function captureIo(
  env: Record<string, string | undefined> = {},
): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    env,
    out: () => out,
    err: () => err,
  };
}
