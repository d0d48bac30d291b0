import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEnumType, isObjectType, Kind, parse, validate, visit } from 'graphql';
import type { DefinitionNode, DocumentNode, FragmentDefinitionNode } from 'graphql';
import { checkOperationLimits } from './plugins/operation-limits.js';
import { buildSaddleSchema } from './schema.js';
import { printSaddleSchema, SCHEMA_FILE } from './scripts/emit-schema.js';

describe('the committed SDL (packages/schema/schema.graphql)', () => {
  it('is what the resolvers build — run `npm run build && npm run emit-schema -w @saddle/api` when this fails', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printSaddleSchema());
  });

  it('has the names scripts rely on', async () => {
    const schema = await buildSaddleSchema();
    const signature = (typeName: string, fieldName: string): string => {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      const field = type.getFields()[fieldName];
      if (!field) return `${typeName}.${fieldName} is missing`;
      // Argument order carries no meaning in GraphQL: compare them sorted by name.
      const args = [...field.args].sort((a, b) => a.name.localeCompare(b.name)).map((a) => `${a.name}: ${String(a.type)}`).join(', ');
      return `${fieldName}${args ? `(${args})` : ''}: ${String(field.type)}`;
    };
    expect(signature('Query', 'presets')).toBe('presets: [Preset!]!');
    expect(signature('Query', 'experiments')).toBe('experiments(after: String, filter: ExperimentFilter, first: Int): ExperimentConnection!');
    expect(signature('Query', 'experiment')).toBe('experiment(id: ID!): Experiment');
    expect(signature('Query', 'run')).toBe('run(id: ID!): Run');
    expect(signature('Query', 'engine')).toBe('engine: EngineInfo!');
    expect(signature('Run', 'metrics')).toBe('metrics(keys: [String!], maxPoints: Int): [MetricSeries!]!');
    expect(signature('Run', 'metricPage')).toBe('metricPage(afterStep: Int, first: Int, key: String!): MetricPage!');
    expect(signature('Mutation', 'launchExperiment')).toBe('launchExperiment(input: LaunchExperimentInput!): Experiment!');
    expect(signature('Mutation', 'cancelExperiment')).toBe('cancelExperiment(id: ID!): Experiment!');
    expect(signature('Mutation', 'cancelRun')).toBe('cancelRun(id: ID!): Run!');
    expect(signature('Mutation', 'tagExperiment')).toBe('tagExperiment(id: ID!, tags: [String!]!): Experiment!');
    expect(signature('Mutation', 'setNotes')).toBe('setNotes(id: ID!, notes: String!): Experiment!');
    expect(signature('Mutation', 'deleteExperiment')).toBe('deleteExperiment(id: ID!): ID!');
    expect(signature('Mutation', 'createRun')).toBe('createRun(input: CreateRunInput!): Run!');
    expect(signature('Mutation', 'logMetrics')).toBe('logMetrics(points: [MetricPointInput!], runId: ID!, series: [MetricSeriesInput!]): LogMetricsResult!');
    expect(signature('Mutation', 'finishRun')).toBe('finishRun(error: String, runId: ID!, status: RunStatus!): Run!');
    expect(signature('Mutation', 'heartbeat')).toBe('heartbeat(runId: ID!): Run!');
    expect(signature('Mutation', 'resumeRun')).toBe('resumeRun(id: ID!): Run!');
    expect(signature('Mutation', 'setSummary')).toBe('setSummary(runId: ID!, summary: JSONObject!): Run!');
    expect(signature('Subscription', 'experimentEvents')).toBe('experimentEvents(experimentId: ID!): ExperimentEvent!');
    expect(signature('Subscription', 'runEvents')).toBe('runEvents(runId: ID!): RunEvent!');
    const runStatus = schema.getType('RunStatus');
    expect(isEnumType(runStatus) && runStatus.getValues().map((v) => v.name)).toEqual(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'DIVERGED', 'CRASHED']);
    const experiment = schema.getType('Experiment');
    expect(isObjectType(experiment) && Object.keys(experiment.getFields())).toEqual(
      expect.arrayContaining(['id', 'name', 'preset', 'scale', 'spec', 'status', 'progress', 'tags', 'notes', 'createdAt', 'runs', 'analyses', 'error']),
    );
  });
});

describe('the documents clients use (packages/schema/src/documents)', () => {
  it('are valid against the schema and within the depth and cost limits at the largest page sizes', async () => {
    const schema = await buildSaddleSchema();
    const folder = join(dirname(SCHEMA_FILE), 'src', 'documents');
    const files = readdirSync(folder).filter((f) => f.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(0);
    const parsed = new Map(files.map((file) => [file, parse(readFileSync(join(folder, file), 'utf8'))]));
    // Codegen compiles the folder as one set, so a document may spread a fragment another file
    // defines (web-experiment-view.graphql uses web-experiment.graphql's): validate each file with
    // the fragments it reaches, no more (unused ones would fail NoUnusedFragments).
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const document of parsed.values()) {
      for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
    }
    const withReachedFragments = (document: DocumentNode): DocumentNode => {
      const definitions: DefinitionNode[] = [...document.definitions];
      const present = new Set(definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
      for (let i = 0; i < definitions.length; i += 1) {
        visit(definitions[i]!, {
          FragmentSpread(node) {
            const fragment = fragments.get(node.name.value);
            if (fragment && !present.has(node.name.value)) {
              present.add(node.name.value);
              definitions.push(fragment);
            }
          },
        });
      }
      return { ...document, definitions };
    };
    for (const [file, own] of parsed) {
      const document = withReachedFragments(own);
      expect(validate(schema, document).map((e) => e.message), file).toEqual([]);
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const name = definition.name?.value;
        // maxPoints as the dashboard sends it: the cost counts returned points, and every key of
        // ten runs at 10,000 points each (≥ 1M points) is what the limit is there to refuse.
        expect(() => checkOperationLimits(document, { first: 100, maxPoints: 2000 }, name, { schema }), `${file} ${name}`).not.toThrow();
      }
    }
  });
});
