'use client';

import Link from 'next/link';
import { StatusBadge } from '../StatusBadge';
import { NoteEditor } from './NoteEditor';
import { SectionFigures, type FigureRef } from './SectionFigures';
import { TorchSummaryTable, type TorchSummary } from './TorchSummaryTable';

/** A verdict on part of a claim, computed by the API from the stored data. */
export interface SectionVerdict {
  id: string;
  statement: string;
  /** HOLDS, DOES_NOT_HOLD, MIXED or UNDECIDED. */
  verdict: string;
  evidence: string;
  seeds: number;
}

/** One HW1 question of a report, as `Query.report` returns it. */
export interface ReportSectionData {
  key: string;
  part: string;
  title: string;
  question: string;
  claim: string;
  experimentId?: string | null;
  experimentName?: string | null;
  status?: string | null;
  running: boolean;
  setup?: { data: string; optimizer: string; batchSize: string; epochs: string; seeds: number; runs: number; scale?: string | null } | null;
  models: readonly TorchSummary[];
  figures: readonly FigureRef[];
  verdicts: readonly SectionVerdict[];
  note: string;
  noteHtml: string;
}

export interface ReportSectionViewProps {
  section: ReportSectionData;
  canWrite: boolean;
  /** Stores the section's note; resolves to its sanitised HTML. */
  onSaveNote: (markdown: string) => Promise<string>;
  /** Changes when the report was polled (live figures re-read their data). */
  tick: number;
}

const VERDICT_TEXT: Record<string, string> = { HOLDS: 'holds', DOES_NOT_HOLD: 'does not hold', MIXED: 'mixed', UNDECIDED: 'undecided' };

/** A report section in HW1's order of things: question, setup, models, figures, claim and verdicts, comment. */
export function ReportSectionView({ section, canWrite, onSaveNote, tick }: ReportSectionViewProps) {
  const heading = [section.part, section.title].filter(Boolean).join(' · ');
  return (
    <article className="report-section card" id={section.key} data-section={section.key} aria-labelledby={`${section.key}-title`}>
      <header className="report-section-head">
        <h2 id={`${section.key}-title`}>{heading}</h2>
        <div className="row">
          {section.status ? <StatusBadge status={section.status} /> : null}
          {section.running ? (
            <span className="still-running" data-testid="still-running">
              still running: figures and verdicts will change
            </span>
          ) : null}
          {section.experimentId ? (
            <Link href={`/experiments/${section.experimentId}`} className="no-print">
              {section.experimentName ?? 'experiment'}
            </Link>
          ) : null}
        </div>
      </header>

      <p className="report-question">
        <strong>Question.</strong> {section.question}
      </p>

      {section.setup ? (
        <dl className="kv report-setup" aria-label="Setup">
          <dt>Data</dt>
          <dd>{section.setup.data}</dd>
          <dt>Optimiser</dt>
          <dd>{section.setup.optimizer}</dd>
          <dt>Batch size</dt>
          <dd>{section.setup.batchSize}</dd>
          <dt>Epochs</dt>
          <dd>{section.setup.epochs}</dd>
          <dt>Seeds</dt>
          <dd>
            {section.setup.seeds} ({section.setup.runs} run{section.setup.runs === 1 ? '' : 's'})
          </dd>
          <dt>Scale</dt>
          <dd>{section.setup.scale ?? '—'}</dd>
        </dl>
      ) : (
        <p className="muted">{section.experimentId ? 'The setup is known once the runs have specs.' : 'No experiment of the suite answers this question.'}</p>
      )}

      {section.models.length > 0 ? (
        <>
          <h3>Models</h3>
          <div className="report-models">
            {section.models.map((model) => (
              <TorchSummaryTable key={model.model} summary={model} />
            ))}
          </div>
        </>
      ) : null}

      {section.experimentId && section.figures.length > 0 ? (
        <>
          <h3>Figures</h3>
          <SectionFigures experimentId={section.experimentId} figures={section.figures} running={section.running} tick={tick} />
        </>
      ) : null}

      <h3>Claim</h3>
      <p className="report-claim">{section.claim}</p>
      {section.verdicts.length > 0 ? (
        <ul className="report-verdicts" aria-label="Verdicts">
          {section.verdicts.map((verdict) => (
            <li key={verdict.id} className="keep-together" data-verdict={verdict.verdict}>
              <span className={`verdict ${verdict.verdict}`}>{VERDICT_TEXT[verdict.verdict] ?? verdict.verdict.toLowerCase()}</span> {verdict.statement}
              <div className="muted report-evidence">
                Evidence: {verdict.evidence} ({verdict.seeds} seed{verdict.seeds === 1 ? '' : 's'})
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{section.running ? 'The verdict is computed once the runs have data.' : 'No verdict: the stored data do not decide this claim.'}</p>
      )}

      <h3>Comment</h3>
      <NoteEditor label={heading} markdown={section.note} html={section.noteHtml} canWrite={canWrite} onSave={onSaveNote} />
    </article>
  );
}
