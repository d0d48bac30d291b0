/**
 * `npm pack` / `npm publish` of @saddle/client: @saddle/schema is a private workspace package, so
 * the client carries it inside its tarball (`bundleDependencies`). npm bundles only what lies in
 * the package's own node_modules, and a workspace's dependency lies, linked, in the root's: before
 * packing (`prepack`) this copies the schema's built files there, and `postpack` (`--remove`)
 * takes the copy away again, so in the monorepo the client keeps using the linked, live package.
 */
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const client = dirname(dirname(fileURLToPath(import.meta.url)));
const schema = join(client, '..', 'schema');
const target = join(client, 'node_modules', '@saddle', 'schema');

// Only the copy goes: anything npm itself put in the client's node_modules stays.
rmSync(target, { recursive: true, force: true });
if (process.argv.includes('--remove')) {
  for (const dir of [dirname(target), dirname(dirname(target))]) if (existsSync(dir) && readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
} else {
  if (!existsSync(join(schema, 'dist', 'index.js'))) {
    throw new Error('bundle-schema: packages/schema/dist is missing; run `npm run build -w @saddle/schema` first');
  }
  for (const entry of ['package.json', 'dist', 'schema.graphql']) cpSync(join(schema, entry), join(target, entry), { recursive: true });
}
