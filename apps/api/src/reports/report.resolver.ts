import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SaddleContext } from '../context.js';
import { renderNoteHtml } from './note-html.js';
import { Report, ReportNote, toReportObject } from './report.type.js';

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report, { nullable: true, description: 'The report of a suite or of one experiment, assembled from live data; null when neither has this id.' })
  async report(@Arg('id', () => ID, { description: 'A suite’s id or an experiment’s id.' }) id: string, @Ctx() { services }: SaddleContext): Promise<Report | null> {
    const report = await services.reports.report(id);
    return report ? toReportObject(report) : null;
  }

  @Authorized('write')
  @Mutation(() => ReportNote, { description: 'Sets a report section’s Markdown note (an empty one removes it), stored with the suite or experiment.' })
  async setReportNote(
    @Arg('reportId', () => ID, { description: 'The report: a suite’s or an experiment’s id.' }) reportId: string,
    @Arg('sectionKey', () => String, { description: 'The section’s key, e.g. `hw1-1-simulate-function`.' }) sectionKey: string,
    @Arg('markdown', () => String, { description: 'The note, Markdown (at most 100,000 characters).' }) markdown: string,
    @Ctx() { services }: SaddleContext,
  ): Promise<ReportNote> {
    const stored = await services.reports.setNote(reportId, sectionKey, markdown);
    return { reportId, sectionKey, markdown: stored, html: renderNoteHtml(stored) };
  }
}
