#!/usr/bin/env node
// The `saddle` command: a thin shim so the workspace bin works before and after `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('saddle: apps/api is not built yet; run `npm run build` at the repository root first.');
  process.exit(2);
}
// `saddle models | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import(cli);
process.exitCode = await main(process.argv);
