/**
 * `saddle report <suiteOrExperimentId | latest> --format md|html|pdf --out PATH`: the report
 * written from the store. Markdown: PATH and its figures as SVG and PNG under `figures/` beside it (relative
 * links); HTML: one self-contained file; PDF: that HTML printed by Chromium. Exit 0 written,
 * 1 when a PDF cannot be made (no Chromium: the message says how to get one), 2 bad usage.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ChromiumMissingError, htmlToPdf, reportHtml, writeMarkdown } from '../reports/report.export.js';
import type { ReportService } from '../reports/report.service.js';
import type { SuiteService } from '../reports/suite.service.js';
import type { CliIo } from './run-command.js';

export type ReportFormat = 'md' | 'html' | 'pdf';

/** `latest`: the newest suite's report, so a first report needs no id copied from `saddle run hw1`. */
export const LATEST_SUITE = 'latest';

export async function reportCommand(reports: ReportService, suites: SuiteService, id: string, options: { format: ReportFormat; out: string }, io: CliIo): Promise<number> {
  let reportId = id;
  if (id === LATEST_SUITE) {
    const [newest] = await suites.list(1);
    if (!newest) {
      io.err.write('saddle report: bad <suiteOrExperimentId>: "latest" names the newest suite, and this store has none; run `saddle run hw1` first\n');
      return 2;
    }
    reportId = newest.id;
  }
  const report = await reports.require(reportId);
  const out = resolve(options.out);
  mkdirSync(dirname(out), { recursive: true });
  if (report.running) io.err.write(`saddle report: ${report.sections.filter((s) => s.running).length} section(s) still running; the report says which\n`);
  switch (options.format) {
    case 'md': {
      const written = await writeMarkdown(report, out);
      io.err.write(`saddle report: wrote ${out} and ${written.length - 1} figure file(s) under ${dirname(out)}/figures\n`);
      return 0;
    }
    case 'html':
      writeFileSync(out, await reportHtml(report));
      io.err.write(`saddle report: wrote ${out} (self-contained)\n`);
      return 0;
    case 'pdf':
      try {
        writeFileSync(out, await htmlToPdf(await reportHtml(report)));
      } catch (error) {
        if (error instanceof ChromiumMissingError) {
          io.err.write(`saddle report: ${error.message}\n`);
          return 1;
        }
        throw error;
      }
      io.err.write(`saddle report: wrote ${out}\n`);
      return 0;
    default: {
      const unknown: never = options.format;
      io.err.write(`saddle report: bad --format ${String(unknown)}\n`);
      return 2;
    }
  }
}
