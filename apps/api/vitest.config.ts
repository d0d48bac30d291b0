import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Without this vitest may load graphql twice (ESM and CJS entry), and type-graphql's schema
    // then fails with "Cannot use GraphQLSchema from another module or realm" (FINDINGS.md).
    alias: { graphql: require.resolve('graphql/index.js') },
  },
  test: {
    include: ['src/**/*.test.ts'],
    // type-graphql reads decorator metadata through the Reflect polyfill; it must load first.
    setupFiles: ['reflect-metadata'],
    pool: 'forks',
    // Files share the machine's two cores with worker processes they fork; keep them serial.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
