import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // One copy of graphql for codegen and the test (see FINDINGS.md).
  resolve: { alias: { graphql: require.resolve('graphql/index.js') } },
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000 },
});
