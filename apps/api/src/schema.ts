/** Builds the executable schema from the resolver classes (code-first, type-graphql). */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { CompareResolver } from './compare/compare.resolver.js';
import { DatasetResolver } from './datasets/dataset.resolver.js';
import { MetricPageColumnsResolver, MetricSeriesColumnsResolver } from './metrics/metric-columns.resolver.js';
import { authChecker } from './auth/auth.checker.js';
import { ViewerResolver } from './auth/viewer.resolver.js';
import { EngineInfoResolver } from './engine-info/engine-info.resolver.js';
import { ExperimentResolver } from './experiments/experiment.resolver.js';
import { MetricResolver } from './metrics/metric.resolver.js';
import { PresetResolver } from './presets/preset.resolver.js';
import { ProjectResolver } from './experiments/project.resolver.js';
import { createMemoryPubSub } from './pubsub/pubsub.js';
import { ReportResolver } from './reports/report.resolver.js';
import { SuiteResolver } from './reports/suite.resolver.js';
import { RunResolver } from './runs/run.resolver.js';
import { RunAnalysesFieldResolver, RunAnalysisResolver } from './runs/run-analysis.resolver.js';
import { RunSearchResolver } from './run-search/run-search.resolver.js';

export const RESOLVERS = [ExperimentResolver, RunResolver, MetricResolver, PresetResolver, EngineInfoResolver, ViewerResolver, SuiteResolver, ReportResolver, ProjectResolver, RunSearchResolver, CompareResolver, MetricSeriesColumnsResolver, MetricPageColumnsResolver, RunAnalysisResolver, RunAnalysesFieldResolver, DatasetResolver] as const;

export async function buildSaddleSchema(pubSub: PubSub = createMemoryPubSub() as unknown as PubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    pubSub,
    authChecker,
    // Inputs are checked by the services, which know each field's allowed values.
    validate: false,
  });
}
