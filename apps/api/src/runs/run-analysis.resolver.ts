import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RunAnalysisKind } from '../engine.js';
import type { SaddleContext } from '../context.js';
import { Run } from './run.type.js';
import { RunAnalysis, RunAnalysisKindEnum, RunAnalysisOptionsInput, storedOptions, toRunAnalysisObject } from './run-analysis.type.js';

@Resolver(() => RunAnalysis)
export class RunAnalysisResolver {
  @Authorized('write')
  @Mutation(() => RunAnalysis, { description: 'Queues an analysis of a run at its final weights (a trained run, or one logged with save_model) as a job on the workers; poll runAnalysis(id) for progress and figures.' })
  async analyzeRun(
    @Arg('runId', () => ID, { description: 'The run to analyse; it needs final weights.' }) runId: string,
    @Arg('kind', () => RunAnalysisKindEnum, { description: 'Which analysis.' }) kind: RunAnalysisKind,
    @Ctx() { services }: SaddleContext,
    @Arg('options', () => RunAnalysisOptionsInput, { nullable: true, description: 'How to compute it, and the data for a logged run.' }) options?: RunAnalysisOptionsInput | null,
  ): Promise<RunAnalysis> {
    return toRunAnalysisObject(await services.runAnalyses.analyze(runId, kind, storedOptions(options)));
  }

  @Authorized('write')
  @Mutation(() => RunAnalysis, { description: 'A QUEUED analysis never runs; a RUNNING one is marked CANCELLED at once and what it computes is dropped. An ended one is returned unchanged.' })
  async cancelRunAnalysis(@Arg('id', () => ID, { description: 'The analysis (analyzeRun’s id).' }) id: string, @Ctx() { services }: SaddleContext): Promise<RunAnalysis> {
    return toRunAnalysisObject(await services.runAnalyses.cancel(id));
  }

  @Query(() => RunAnalysis, { nullable: true, description: 'A run analysis by id; null when none has it.' })
  async runAnalysis(@Arg('id', () => ID, { description: 'analyzeRun’s id.' }) id: string, @Ctx() { services }: SaddleContext): Promise<RunAnalysis | null> {
    const record = await services.runAnalyses.get(id);
    return record ? toRunAnalysisObject(record) : null;
  }
}

@Resolver(() => Run)
export class RunAnalysesFieldResolver {
  @FieldResolver(() => [RunAnalysis], { description: 'Analyses asked for on this run (analyzeRun), newest first.' })
  async analyses(@Root() run: Run, @Ctx() { services }: SaddleContext): Promise<RunAnalysis[]> {
    return (await services.runAnalyses.ofRun(run.id)).map(toRunAnalysisObject);
  }
}
