/**
 * GraphQL Code Generator: the client preset turns schema.graphql + src/documents/*.graphql into
 * typed documents (src/generated, committed). Run `npm run codegen -w @saddle/schema` after
 * changing either; `src/generated.test.ts` fails while the committed output is stale.
 *
 * The output's one `any` (gql.ts: `(documents as any)[source]`, the preset's lookup of a document
 * by its source text) is the generator's own code; it stays byte-identical to what the generator
 * writes, so it is explained here rather than edited there. No `any` leaves the package: the
 * exported `graphql()` overloads are fully typed.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: './schema.graphql',
  documents: ['src/documents/**/*.graphql'],
  // Relative imports end in `.js`, as NodeNext module resolution requires.
  emitLegacyCommonJSImports: false,
  generates: {
    './src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        // Enums as values (`RunStatus.SUCCEEDED`) as well as types, so a script or @saddle/client
        // can name them without string literals; the keys are the GraphQL values themselves.
        enumsAsConst: true,
        namingConvention: { enumValues: 'keep' },
        strictScalars: true,
        scalars: {
          DateTimeISO: 'string',
          JSON: 'unknown',
          JSONObject: 'Record<string, unknown>',
          // Metric values: finite numbers or the spellings of the non-finite ones (apps/api metric-value.scalar.ts).
          MetricValue: "number | 'NaN' | 'Infinity' | '-Infinity'",
          MetricValues: "Array<number | 'NaN' | 'Infinity' | '-Infinity'>",
          NumberList: 'Array<number | null>',
        },
      },
    },
  },
};

export default config;
