#!/usr/bin/env node
// `glance-lineage`: runs src/cli/main.ts through tsx's loader, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);

// First Ctrl-C: stop starting new deletes (running ones finish and are reported). Second: Node's default.
const interrupt = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write(
    '\nglance-lineage: interrupted; finishing the requests in flight (Ctrl-C again to quit now)\n',
  );
  interrupt.abort();
});
// `glance-lineage export | head`: a closed pipe is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  signal: interrupt.signal,
});
