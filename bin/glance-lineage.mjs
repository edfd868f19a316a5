#!/usr/bin/env node
// `glance-lineage`: runs src/cli/main.ts through tsx's loader, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);

// During `clean --yes`, the first Ctrl-C stops starting new deletes (running ones finish and are reported);
// the second is Node's default. Every other command stops at once.
const interrupt = new AbortController();
const args = process.argv.slice(2);
if (args.includes('clean') && (args.includes('--yes') || args.includes('-y'))) {
  process.once('SIGINT', () => {
    process.stderr.write(
      '\nglance-lineage: interrupted; finishing the deletes in flight (Ctrl-C again to quit now)\n',
    );
    interrupt.abort();
  });
}
// `glance-lineage export | head`: a closed pipe is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(args, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  signal: interrupt.signal,
});
