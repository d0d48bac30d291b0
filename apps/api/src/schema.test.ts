import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSaddleSchema, SCHEMA_FILE } from './scripts/emit-schema.js';

describe('the committed SDL (packages/schema/schema.graphql)', () => {
  it('is what the resolvers build — run `npm run build && npm run emit-schema -w @saddle/api` when this fails', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printSaddleSchema());
  });

  it('has the names scripts rely on', async () => {
    const sdl = await printSaddleSchema();
    for (const signature of [
      'presets: [Preset!]!',
      'experiments(after: String, filter: ExperimentFilter, first: Int): ExperimentConnection!',
      'experiment(id: ID!): Experiment',
      'run(id: ID!): Run',
      'engine: EngineInfo!',
      'metrics(keys: [String!], maxPoints: Int): [MetricSeries!]!',
      'metricPage(afterStep: Int, first: Int, key: String!): MetricPage!',
      'launchExperiment(input: LaunchExperimentInput!): Experiment!',
      'cancelExperiment(id: ID!): Experiment!',
      'cancelRun(id: ID!): Run!',
      'tagExperiment(id: ID!, tags: [String!]!): Experiment!',
      'setNotes(id: ID!, notes: String!): Experiment!',
      'deleteExperiment(id: ID!): ID!',
      'createRun(input: CreateRunInput!): Run!',
      'logMetrics(points: [MetricPointInput!]!, runId: ID!): LogMetricsResult!',
      'finishRun(error: String, runId: ID!, status: RunStatus!): Run!',
      'experimentEvents(experimentId: ID!): ExperimentEvent!',
      'runEvents(runId: ID!): RunEvent!',
    ]) {
      expect(sdl).toContain(signature);
    }
    expect(sdl).toMatch(/enum RunStatus \{\s+CANCELLED\s+DIVERGED\s+FAILED\s+QUEUED\s+RUNNING\s+SUCCEEDED\s+\}/);
  });
});
