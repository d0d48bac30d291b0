import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { SaddleContext } from '../context.js';
import type { RunAnalysisEventPayload } from '../pubsub/topics.js';
import { Run } from './run.type.js';
import { RunAnalysis, RunAnalysisEvent, RunAnalysisKindEnum, RunAnalysisOptionsInput, storedOptions, toRunAnalysisObject, type StoredRunAnalysisKind } from './run-analysis.type.js';

@Resolver(() => RunAnalysis)
export class RunAnalysisResolver {
  @Authorized('write')
  @Mutation(() => RunAnalysis, {
    description:
      'Queues an analysis of a run at its final weights (a trained run, or one logged with save_model) as a job on the workers: HESSIAN, LANDSCAPE, SENSITIVITY or SHARPNESS (INTERPOLATION takes two runs: analyzeRuns). Follow it with runAnalysisEvents(id) or poll runAnalysis(id); cancelRunAnalysis stops it.',
  })
  async analyzeRun(
    @Arg('runId', () => ID, { description: 'The run to analyse; it needs final weights.' }) runId: string,
    @Arg('kind', () => RunAnalysisKindEnum, { description: 'Which analysis.' }) kind: StoredRunAnalysisKind,
    @Ctx() { services }: SaddleContext,
    @Arg('options', () => RunAnalysisOptionsInput, { nullable: true, description: 'How to compute it, and the data for a logged run.' }) options?: RunAnalysisOptionsInput | null,
  ): Promise<RunAnalysis> {
    return toRunAnalysisObject(await services.runAnalyses.analyze(runId, kind, storedOptions(options)));
  }

  @Authorized('write')
  @Mutation(() => RunAnalysis, {
    description:
      'Queues an analysis of two runs’ final weights as a job on the workers: INTERPOLATION, the loss along (1 − α)·θ₁ + α·θ₂. The runs must share a model (and, when trained by Saddle, their data and loss unless options.x/y/loss are given); the error names the field that differs. Stored on both runs.',
  })
  async analyzeRuns(
    @Arg('runIds', () => [ID], { description: 'The two runs: the first is α = 0, the second α = 1.' }) runIds: string[],
    @Arg('kind', () => RunAnalysisKindEnum, { description: 'Which analysis: INTERPOLATION.' }) kind: StoredRunAnalysisKind,
    @Ctx() { services }: SaddleContext,
    @Arg('options', () => RunAnalysisOptionsInput, { nullable: true, description: 'How to compute it (points, alphaMin, alphaMax, examples), and the data for logged runs.' }) options?: RunAnalysisOptionsInput | null,
  ): Promise<RunAnalysis> {
    return toRunAnalysisObject(await services.runAnalyses.analyzePair(runIds, kind, storedOptions(options)));
  }

  @Authorized('write')
  @Mutation(() => RunAnalysis, { description: 'A QUEUED analysis never runs; a RUNNING one is marked CANCELLED at once, its worker stops at its next chunk and stores nothing. An ended one is returned unchanged.' })
  async cancelRunAnalysis(@Arg('id', () => ID, { description: 'The analysis (analyzeRun’s id).' }) id: string, @Ctx() { services }: SaddleContext): Promise<RunAnalysis> {
    return toRunAnalysisObject(await services.runAnalyses.cancel(id));
  }

  @Query(() => RunAnalysis, { nullable: true, description: 'A run analysis by id; null when none has it.' })
  async runAnalysis(@Arg('id', () => ID, { description: 'analyzeRun’s id.' }) id: string, @Ctx() { services }: SaddleContext): Promise<RunAnalysis | null> {
    const record = await services.runAnalyses.get(id);
    return record ? toRunAnalysisObject(record) : null;
  }

  @Subscription(() => RunAnalysisEvent, {
    subscribe: ({ args, context }: { args: { id: string }; context: SaddleContext }) => context.services.live.runAnalysisEvents(args.id),
    description:
      'Live status and progress of one run analysis: RUNNING when a worker takes it, its progress while it computes (a few times a second at most), then the event that ends it (SUCCEEDED, FAILED or CANCELLED), after which the stream completes (at once when it has already ended). An unknown id is a NOT_FOUND error.',
  })
  runAnalysisEvents(@Root() payload: RunAnalysisEventPayload, @Arg('id', () => ID, { description: 'The analysis (analyzeRun’s or analyzeRuns’ id).' }) _id: string): RunAnalysisEvent {
    return payload;
  }
}

@Resolver(() => Run)
export class RunAnalysesFieldResolver {
  @FieldResolver(() => [RunAnalysis], { description: 'Analyses asked for on this run (analyzeRun), newest first.' })
  async analyses(@Root() run: Run, @Ctx() { services }: SaddleContext): Promise<RunAnalysis[]> {
    return (await services.runAnalyses.ofRun(run.id)).map(toRunAnalysisObject);
  }
}
