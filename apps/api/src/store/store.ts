/**
 * The store: the one query layer over SQLite or PostgreSQL. Everything that reads or writes
 * experiments, runs, metric points, figures, artifacts and tokens goes through here.
 */
import { sql, type CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { FigureData, ModelSummary, RunSpec, RunStatus } from '@saddle/engine';
import { LimitExceededError } from '../errors.js';
import { downsampleMinMaxIndices } from '../metrics/downsample.js';
import type { DatabaseConfig } from './database.js';
import { openDatabase } from './database.js';
import { downsampledSeriesQuery, metricKeysQuery, seriesStatsQuery, wholeSeriesQuery } from './metric-downsample.js';
import { rewindDivergence } from './metric-divergence.js';
import { upsertMetricRows } from './metric-ingest.js';
import { storedToNumber } from './metric-values.js';
import { bucketsNarrowerThanBlocks, pointsFromColumnsAt, wholeSeriesNumbersQuery } from './series-whole-read.js';
import { SqliteReader, type SqliteReaderOptions } from './sqlite-reader.js';
import type {
  AnalysisStatus,
  ArtifactRecord,
  ExperimentOrigin,
  ExperimentRecord,
  ExperimentStatus,
  FigureRecord,
  LaunchSpec,
  RunConfig,
  RunRecord,
  StoredMetricPoint,
  StoredRunEnd,
  SuiteRecord,
  TokenRecord,
  TokenScope,
} from './records.js';
import type { Database, ExperimentRow, RunRow } from './tables.js';

/** What a caller gives to store an experiment; notes, progress and times start empty. */
export type NewExperiment = Pick<ExperimentRecord, 'id' | 'name' | 'preset' | 'scale' | 'origin' | 'spec' | 'status' | 'analysisStatus'> & {
  tags: string[];
  project?: string | null;
};

export interface NewRun {
  id: string;
  key: string;
  group: string;
  config: RunConfig;
  spec: RunSpec | null;
  external: boolean;
  status: RunStatus;
  /** External runs: the config as the script sent it (`config` is its flattening). */
  rawConfig?: Record<string, unknown> | null;
}

export interface ExperimentFilter {
  status?: ExperimentStatus[];
  /** Only experiments of this project. */
  project?: string;
  preset?: string;
  tag?: string;
  /** Case-insensitive substring of the name, preset or notes. */
  text?: string;
}

export interface ExperimentPatch {
  name?: string;
  status?: ExperimentStatus;
  notes?: string;
  error?: string | null;
  analysisStatus?: AnalysisStatus;
  analysisProgress?: number;
  finishedAt?: number | null;
}

export interface RunPatch {
  status?: RunStatus;
  progress?: number;
  summary?: ModelSummary;
  error?: string | null;
  end?: StoredRunEnd;
  owner?: string | null;
  attempt?: number;
  startedAt?: number | null;
  finishedAt?: number | null;
  /** External runs: when the script was last heard from. */
  heartbeatAt?: number;
  summaryValues?: Record<string, unknown> | null;
}

const DEFAULT_STORE_READ_TIMEOUT_MS = 30_000;

export interface StoreOptions {
  /** Longest one big read (downsampled series, pages, keys) may run. Default 30,000 ms. */
  readTimeoutMs?: number;
}

export class Store {
  private constructor(
    readonly db: Kysely<Database>,
    readonly dialect: DatabaseConfig['kind'],
    /** Big reads of a SQLite file run here, off the caller's thread; absent for `:memory:` and PostgreSQL. */
    private readonly reader: SqliteReader | undefined,
    private readonly readTimeoutMs: number,
  ) {}

  static async open(config: DatabaseConfig, options: StoreOptions = {}): Promise<Store> {
    const { db, dialect } = await openDatabase(config);
    const readerOptions: SqliteReaderOptions = options.readTimeoutMs === undefined ? {} : { timeoutMs: options.readTimeoutMs };
    const reader = config.kind === 'sqlite' && config.file !== ':memory:' ? new SqliteReader(config.file, readerOptions) : undefined;
    return new Store(db, dialect, reader, options.readTimeoutMs ?? DEFAULT_STORE_READ_TIMEOUT_MS);
  }

  async close(): Promise<void> {
    await this.reader?.close();
    await this.db.destroy();
  }

  /**
   * A read that may touch many rows: on SQLite on the reader thread (better-sqlite3 would block
   * this one), on PostgreSQL (already asynchronous) under a statement timeout; both bounded.
   */
  private async bigRead<R>(query: CompiledQuery<R>): Promise<R[]> {
    if (this.reader) return this.reader.all<R>(query);
    if (this.dialect !== 'postgres') return (await this.db.executeQuery(query)).rows;
    try {
      return await this.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL statement_timeout = ${sql.lit(Math.round(this.readTimeoutMs))}`.execute(trx);
        return (await trx.executeQuery(query)).rows;
      });
    } catch (error) {
      // 57014: query_canceled, which is how PostgreSQL ends a statement past statement_timeout.
      if ((error as { code?: unknown }).code === '57014') throw new LimitExceededError('read time (ms) of one query', this.readTimeoutMs, this.readTimeoutMs);
      throw error;
    }
  }

  // ---- experiments ---------------------------------------------------------------------------

  /** Stores an experiment with its tags and runs in one transaction: all or nothing. */
  async createExperiment(experiment: NewExperiment, runs: NewRun[]): Promise<void> {
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('experiments')
        .values({
          id: experiment.id,
          name: experiment.name,
          preset: experiment.preset,
          scale: experiment.scale,
          origin: experiment.origin,
          spec: JSON.stringify(experiment.spec),
          status: experiment.status,
          notes: '',
          error: null,
          analysis_status: experiment.analysisStatus,
          analysis_progress: 0,
          analysis_owner: null,
          created_at: now,
          updated_at: now,
          finished_at: null,
          project: experiment.project ?? null,
        })
        .execute();
      await insertTags(trx, experiment.id, experiment.tags);
      for (const [position, run] of runs.entries()) await insertRun(trx, experiment.id, run, now, position);
    });
  }

  async addRun(experimentId: string, run: NewRun): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const { count } = await trx
        .selectFrom('runs')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where('experiment_id', '=', experimentId)
        .executeTakeFirstOrThrow();
      await insertRun(trx, experimentId, run, Date.now(), Number(count));
    });
  }

  async getExperiment(id: string): Promise<ExperimentRecord | undefined> {
    const row = await this.db.selectFrom('experiments').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toExperiment(row);
  }

  /**
   * Newest first. The cursor is (created_at, id) of the last item seen, so pages stay stable
   * while new experiments arrive.
   */
  async listExperiments(options: {
    first: number;
    after?: { createdAt: number; id: string };
    filter?: ExperimentFilter;
  }): Promise<{ items: ExperimentRecord[]; hasNextPage: boolean; totalCount: number }> {
    const filter = options.filter ?? {};
    let query = this.db.selectFrom('experiments');
    if (filter.status && filter.status.length > 0) query = query.where('status', 'in', filter.status);
    if (filter.preset) query = query.where('preset', '=', filter.preset);
    if (filter.project) query = query.where('project', '=', filter.project);
    if (filter.tag) {
      const tag = filter.tag;
      query = query.where('id', 'in', (eb) => eb.selectFrom('experiment_tags').select('experiment_id').where('tag', '=', tag));
    }
    if (filter.text) {
      const pattern = `%${filter.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // ESCAPE spelled out: SQLite has no default escape character for LIKE.
      query = query.where(
        sql<boolean>`(lower(name) like ${pattern} escape '\\' or lower(coalesce(preset, '')) like ${pattern} escape '\\' or lower(notes) like ${pattern} escape '\\')`,
      );
    }
    const { count } = await query.select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
    let page = query.selectAll();
    if (options.after) {
      const { createdAt, id } = options.after;
      page = page.where((eb) =>
        eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]),
      );
    }
    const rows = await page.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.first + 1).execute();
    return {
      items: rows.slice(0, options.first).map(toExperiment),
      hasNextPage: rows.length > options.first,
      totalCount: Number(count),
    };
  }

  async updateExperiment(id: string, patch: ExperimentPatch): Promise<void> {
    await this.db
      .updateTable('experiments')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.status !== undefined && { status: patch.status }),
        ...(patch.notes !== undefined && { notes: patch.notes }),
        ...(patch.error !== undefined && { error: patch.error }),
        ...(patch.analysisStatus !== undefined && { analysis_status: patch.analysisStatus }),
        ...(patch.analysisProgress !== undefined && { analysis_progress: patch.analysisProgress }),
        ...(patch.finishedAt !== undefined && { finished_at: patch.finishedAt }),
        updated_at: Date.now(),
      })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Moves the analysis from one state to the next only if it is still in `from`; true when this
   * caller made the move. Two workers that finish the last runs at once cannot both start it.
   */
  async transitionAnalysis(id: string, from: AnalysisStatus, to: AnalysisStatus, status?: ExperimentStatus): Promise<boolean> {
    const result = await this.db
      .updateTable('experiments')
      .set({ analysis_status: to, updated_at: Date.now(), ...(status && { status }) })
      .where('id', '=', id)
      .where('analysis_status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Sets the status only while it is one of `from`; true when it did. */
  async transitionExperiment(id: string, from: ExperimentStatus[], to: ExperimentStatus): Promise<boolean> {
    const result = await this.db
      .updateTable('experiments')
      .set({ status: to, updated_at: Date.now() })
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** QUEUED → RUNNING under `owner`; false when another worker claimed it first (or it was not queued). */
  async claimAnalysis(id: string, owner: string): Promise<boolean> {
    const result = await this.db
      .updateTable('experiments')
      .set({ analysis_status: 'RUNNING', analysis_owner: owner, analysis_progress: 0, updated_at: Date.now() })
      .where('id', '=', id)
      .where('analysis_status', '=', 'QUEUED')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * RUNNING → QUEUED, only while `owner` (seen dead by the caller) still holds it: two processes
   * that both find the owner dead cannot both re-queue over a claim made in between.
   */
  async requeueAnalysis(id: string, owner: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable('experiments')
      .set({ analysis_status: 'QUEUED', analysis_owner: null, updated_at: Date.now() })
      .where('id', '=', id)
      .where('analysis_status', '=', 'RUNNING')
      .where((eb) => (owner === null ? eb('analysis_owner', 'is', null) : eb('analysis_owner', '=', owner)))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Ends a RUNNING analysis held by `owner`: stores its figures (replacing any) and the
   * experiment's end in one transaction. False, and nothing written, when `owner` no longer
   * holds it (it was re-queued after its process was taken for dead): a process that lost an
   * analysis never writes into it.
   */
  async finishAnalysis(
    id: string,
    owner: string,
    end: { figures?: { id: string; title: string; data: FigureData }[]; status: ExperimentStatus; analysisStatus: 'SUCCEEDED' | 'FAILED'; error: string | null },
  ): Promise<boolean> {
    const now = Date.now();
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('experiments')
        .set({
          status: end.status,
          analysis_status: end.analysisStatus,
          analysis_owner: null,
          error: end.error,
          finished_at: now,
          updated_at: now,
          ...(end.analysisStatus === 'SUCCEEDED' && { analysis_progress: 1 }),
        })
        .where('id', '=', id)
        .where('analysis_status', '=', 'RUNNING')
        .where('analysis_owner', '=', owner)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      if (end.figures) await writeFigures(trx, id, end.figures, now);
      return true;
    });
  }

  async experimentsWithAnalysis(statuses: AnalysisStatus[]): Promise<ExperimentRecord[]> {
    const rows = await this.db.selectFrom('experiments').selectAll().where('analysis_status', 'in', statuses).execute();
    return rows.map(toExperiment);
  }

  async deleteExperiment(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const runIds = (await trx.selectFrom('runs').select('id').where('experiment_id', '=', id).execute()).map((r) => r.id);
      // Explicit deletes rather than ON DELETE CASCADE alone: SQLite enforces it only with the pragma on.
      if (runIds.length > 0) {
        await trx.deleteFrom('metrics').where('run_id', 'in', runIds).execute();
        await trx.deleteFrom('metric_blocks').where('run_id', 'in', runIds).execute();
        await trx.deleteFrom('artifacts').where('run_id', 'in', runIds).execute();
        await trx.deleteFrom('runs').where('experiment_id', '=', id).execute();
      }
      await trx.deleteFrom('figures').where('experiment_id', '=', id).execute();
      await trx.deleteFrom('experiment_tags').where('experiment_id', '=', id).execute();
      await trx.deleteFrom('suite_experiments').where('experiment_id', '=', id).execute();
      await trx.deleteFrom('report_notes').where('report_id', '=', id).execute();
      const result = await trx.deleteFrom('experiments').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    });
  }

  async tagsOf(experimentIds: readonly string[]): Promise<Map<string, string[]>> {
    const byId = new Map<string, string[]>(experimentIds.map((id) => [id, []]));
    if (experimentIds.length === 0) return byId;
    const rows = await this.db
      .selectFrom('experiment_tags')
      .selectAll()
      .where('experiment_id', 'in', [...experimentIds])
      .orderBy('tag')
      .execute();
    for (const row of rows) byId.get(row.experiment_id)?.push(row.tag);
    return byId;
  }

  async setTags(experimentId: string, tags: string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('experiment_tags').where('experiment_id', '=', experimentId).execute();
      await insertTags(trx, experimentId, tags);
      await trx.updateTable('experiments').set({ updated_at: Date.now() }).where('id', '=', experimentId).execute();
    });
  }

  // ---- runs ----------------------------------------------------------------------------------

  async getRun(id: string): Promise<RunRecord | undefined> {
    const row = await this.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRun(row);
  }

  /** The runs with these ids, in the order of `ids` (unknown ids left out): one query for a page of Query.runs. */
  async runsByIds(ids: readonly string[]): Promise<RunRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('runs').selectAll().where('id', 'in', [...ids]).execute();
    const byId = new Map(rows.map((row) => [row.id, toRun(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async runsOf(experimentId: string): Promise<RunRecord[]> {
    const rows = await this.db
      .selectFrom('runs')
      .selectAll()
      .where('experiment_id', '=', experimentId)
      .orderBy('position')
      .execute();
    return rows.map(toRun);
  }

  /** The keys of an experiment's runs that are `key` or start with `key-` (what a new run's suffix avoids). */
  async runKeysLike(experimentId: string, key: string): Promise<string[]> {
    const pattern = `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
    const rows = await this.db
      .selectFrom('runs')
      .select('key')
      .where('experiment_id', '=', experimentId)
      .where(sql<boolean>`(key = ${key} or key like ${pattern} escape '\\')`)
      .execute();
    return rows.map((row) => row.key);
  }

  async runsWithStatus(statuses: RunStatus[]): Promise<RunRecord[]> {
    const rows = await this.db.selectFrom('runs').selectAll().where('status', 'in', statuses).orderBy('created_at').execute();
    return rows.map(toRun);
  }

  async updateRun(id: string, patch: RunPatch): Promise<void> {
    await this.db.updateTable('runs').set(runPatchColumns(patch)).where('id', '=', id).execute();
  }

  /**
   * Updates the run only while its status is one of `from`; true when it did. This is how a
   * worker claims a QUEUED run and how a cancel avoids overwriting a run that already ended.
   */
  async transitionRun(id: string, from: RunStatus[], patch: RunPatch, owner?: string): Promise<boolean> {
    let query = this.db.updateTable('runs').set(runPatchColumns(patch)).where('id', '=', id).where('status', 'in', from);
    // With `owner`: only while that process still holds the run (it was not restarted elsewhere).
    if (owner !== undefined) query = query.where('owner', '=', owner);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Forgets what a run wrote so it can start again from scratch (after its process died). */
  async resetRunOutputs(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('metrics').where('run_id', '=', id).execute();
      await trx.deleteFrom('metric_blocks').where('run_id', '=', id).execute();
      await trx.deleteFrom('artifacts').where('run_id', '=', id).execute();
      await rewindDivergence(trx, id, null);
    });
  }

  // ---- metrics -------------------------------------------------------------------------------

  /**
   * Writes points in one transaction. Idempotent per (run, key, step): a point sent again
   * replaces itself, so a resent batch changes nothing.
   */
  async upsertMetrics(runId: string, points: readonly StoredMetricPoint[]): Promise<void> {
    await upsertMetricRows(this.db, this.dialect, runId, points);
  }

  async metricKeys(runId: string): Promise<string[]> {
    const rows = await this.bigRead(metricKeysQuery(this.db, runId));
    return rows.flatMap((r) => (r.key === null ? [] : [r.key]));
  }

  /**
   * One series reduced to at most `maxPoints` points (min and max per bucket) inside the
   * database, with how many points it has: the whole series never leaves the store.
   */
  async metricSeriesDownsampled(runId: string, key: string, maxPoints: number): Promise<{ points: StoredMetricPoint[]; totalPoints: number }> {
    const [stats] = await this.bigRead(seriesStatsQuery(this.db, runId, key));
    const totalPoints = Number(stats?.count ?? 0);
    if (totalPoints === 0 || stats?.first_step == null || stats.last_step == null) return { points: [], totalPoints: 0 };
    if (this.reader && totalPoints > maxPoints && bucketsNarrowerThanBlocks(totalPoints, maxPoints)) {
      // Buckets narrower than a block: the SQL would read every point too (series-whole-read.ts).
      const columns = await this.reader.numbers(wholeSeriesNumbersQuery(this.db, runId, key));
      // Bucketed on the columns: only the kept points become objects (not all 5,000 of a series).
      const kept = downsampleMinMaxIndices(columns.length, (i) => columns.data[columns.length + i] as number, maxPoints);
      return { points: pointsFromColumnsAt(key, columns, kept), totalPoints };
    }
    const query =
      totalPoints <= maxPoints
        ? wholeSeriesQuery(this.db, runId, key)
        : downsampledSeriesQuery(this.db, this.dialect, runId, key, { count: totalPoints, firstStep: Number(stats.first_step), lastStep: Number(stats.last_step) }, maxPoints);
    const rows = await this.bigRead(query);
    return { points: rows.map((row) => toMetricPoint({ key, ...row })), totalPoints };
  }

  /** Every point of one series, in step order. */
  async metricSeries(runId: string, key: string): Promise<StoredMetricPoint[]> {
    const rows = await this.db
      .selectFrom('metrics')
      .selectAll()
      .where('run_id', '=', runId)
      .where('key', '=', key)
      .orderBy('step')
      .execute();
    return rows.map(toMetricPoint);
  }

  /** Every point of a run, ordered by key then step (for exports). */
  async allMetrics(runId: string): Promise<StoredMetricPoint[]> {
    const rows = await this.db.selectFrom('metrics').selectAll().where('run_id', '=', runId).orderBy('key').orderBy('step').execute();
    return rows.map(toMetricPoint);
  }

  async metricPage(runId: string, key: string, afterStep: number | null, first: number): Promise<{ points: StoredMetricPoint[]; hasMore: boolean }> {
    let query = this.db.selectFrom('metrics').selectAll().where('run_id', '=', runId).where('key', '=', key);
    if (afterStep !== null) query = query.where('step', '>', afterStep);
    const rows = await this.bigRead(query.orderBy('step').limit(first + 1).compile());
    return { points: rows.slice(0, first).map(toMetricPoint), hasMore: rows.length > first };
  }

  async metricCount(runId: string): Promise<number> {
    const { count } = await this.db
      .selectFrom('metrics')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  // ---- figures -------------------------------------------------------------------------------

  async replaceFigures(experimentId: string, figures: { id: string; title: string; data: FigureData }[]): Promise<void> {
    await this.db.transaction().execute((trx) => writeFigures(trx, experimentId, figures, Date.now()));
  }

  async figuresOf(experimentId: string): Promise<FigureRecord[]> {
    const rows = await this.db.selectFrom('figures').selectAll().where('experiment_id', '=', experimentId).orderBy('created_at').execute();
    return rows.map((r) => ({
      experimentId: r.experiment_id,
      id: r.figure_id,
      title: r.title,
      kind: r.kind as FigureData['kind'],
      data: JSON.parse(r.data) as FigureData,
      createdAt: r.created_at,
    }));
  }

  // ---- artifacts -----------------------------------------------------------------------------

  async addArtifact(artifact: ArtifactRecord): Promise<void> {
    await this.db
      .insertInto('artifacts')
      .values({
        id: artifact.id,
        run_id: artifact.runId,
        kind: artifact.kind,
        step: artifact.step,
        epoch: artifact.epoch,
        path: artifact.path,
        theta_length: artifact.thetaLength,
        state_length: artifact.stateLength,
        created_at: Date.now(),
      })
      .execute();
  }

  async artifactsOf(runId: string, kind?: ArtifactRecord['kind']): Promise<ArtifactRecord[]> {
    let query = this.db.selectFrom('artifacts').selectAll().where('run_id', '=', runId);
    if (kind) query = query.where('kind', '=', kind);
    const rows = await query.orderBy('step').execute();
    return rows.map((r) => ({
      id: r.id,
      runId: r.run_id,
      kind: r.kind as ArtifactRecord['kind'],
      step: r.step,
      epoch: r.epoch,
      path: r.path,
      thetaLength: r.theta_length,
      stateLength: r.state_length,
    }));
  }

  // ---- tokens --------------------------------------------------------------------------------

  async addToken(token: { id: string; name: string; scope: TokenScope; hash: string }): Promise<void> {
    await this.db
      .insertInto('tokens')
      .values({ ...token, created_at: Date.now(), last_used_at: null, revoked: 0 })
      .execute();
  }

  async tokenByHash(hash: string): Promise<TokenRecord | undefined> {
    const row = await this.db.selectFrom('tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      name: row.name,
      scope: row.scope as TokenScope,
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      revoked: row.revoked === 1,
    };
  }

  async touchToken(id: string): Promise<void> {
    await this.db.updateTable('tokens').set({ last_used_at: Date.now() }).where('id', '=', id).execute();
  }

  async revokeToken(id: string): Promise<boolean> {
    const result = await this.db.updateTable('tokens').set({ revoked: 1 }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // ---- suites and report notes ----------------------------------------------------------------

  /** Stores a suite over experiments already stored, in the given (report) order. */
  async createSuite(suite: Omit<SuiteRecord, 'createdAt' | 'experimentIds'>, experimentIds: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('suites').values({ id: suite.id, name: suite.name, suite: suite.suite, scale: suite.scale, tags: JSON.stringify(suite.tags), created_at: Date.now() }).execute();
      if (experimentIds.length > 0) {
        await trx
          .insertInto('suite_experiments')
          .values(experimentIds.map((experimentId, position) => ({ suite_id: suite.id, experiment_id: experimentId, position })))
          .execute();
      }
    });
  }

  async getSuite(id: string): Promise<SuiteRecord | undefined> {
    const row = await this.db.selectFrom('suites').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const members = await this.db.selectFrom('suite_experiments').select('experiment_id').where('suite_id', '=', id).orderBy('position').execute();
    return { id: row.id, name: row.name, suite: row.suite, scale: row.scale, tags: JSON.parse(row.tags) as string[], createdAt: row.created_at, experimentIds: members.map((m) => m.experiment_id) };
  }

  /** Newest first, at most `first`. */
  async listSuites(first: number): Promise<SuiteRecord[]> {
    const rows = await this.db.selectFrom('suites').select('id').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(first).execute();
    const suites: SuiteRecord[] = [];
    for (const row of rows) {
      const suite = await this.getSuite(row.id);
      if (suite) suites.push(suite);
    }
    return suites;
  }

  /** The Markdown note of each section of a report (a suite's or an experiment's), by section key. */
  async reportNotes(reportId: string): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('report_notes').select(['section_key', 'markdown']).where('report_id', '=', reportId).execute();
    return new Map(rows.map((r) => [r.section_key, r.markdown]));
  }

  /** Sets one section's note; an empty note removes it. */
  async setReportNote(reportId: string, sectionKey: string, markdown: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('report_notes').where('report_id', '=', reportId).where('section_key', '=', sectionKey).execute();
      if (markdown !== '') await trx.insertInto('report_notes').values({ report_id: reportId, section_key: sectionKey, markdown, updated_at: Date.now() }).execute();
    });
  }

  /** Every token, oldest first, without its hash (`saddle token list`). */
  async listTokens(): Promise<TokenRecord[]> {
    const rows = await this.db.selectFrom('tokens').select(['id', 'name', 'scope', 'created_at', 'last_used_at', 'revoked']).orderBy('created_at').orderBy('id').execute();
    return rows.map((row) => ({ id: row.id, name: row.name, scope: row.scope as TokenScope, createdAt: row.created_at, lastUsedAt: row.last_used_at, revoked: row.revoked === 1 }));
  }
}

/** An experiment's figures become `figures` (the old ones deleted), inside the caller's transaction. */
async function writeFigures(trx: Transaction<Database>, experimentId: string, figures: { id: string; title: string; data: FigureData }[], now: number): Promise<void> {
  await trx.deleteFrom('figures').where('experiment_id', '=', experimentId).execute();
  if (figures.length === 0) return;
  await trx
    .insertInto('figures')
    .values(
      figures.map((f) => ({
        experiment_id: experimentId,
        figure_id: f.id,
        title: f.title,
        kind: f.data.kind,
        data: JSON.stringify(f.data),
        created_at: now,
      })),
    )
    .execute();
}

async function insertTags(db: Kysely<Database> | Transaction<Database>, experimentId: string, tags: string[]): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  await db
    .insertInto('experiment_tags')
    .values(unique.map((tag) => ({ experiment_id: experimentId, tag })))
    .execute();
}

async function insertRun(db: Kysely<Database> | Transaction<Database>, experimentId: string, run: NewRun, now: number, position: number): Promise<void> {
  await db
    .insertInto('runs')
    .values({
      id: run.id,
      experiment_id: experimentId,
      key: run.key,
      position,
      group_name: run.group,
      config: JSON.stringify(run.config),
      spec: run.spec ? JSON.stringify(run.spec) : null,
      external: run.external ? 1 : 0,
      status: run.status,
      progress: 0,
      summary: null,
      error: null,
      end_state: null,
      owner: null,
      attempt: 0,
      created_at: now,
      started_at: run.status === 'RUNNING' ? now : null,
      finished_at: null,
      updated_at: now,
      heartbeat_at: run.external ? now : null,
      raw_config: run.rawConfig ? JSON.stringify(run.rawConfig) : null,
      summary_values: null,
    })
    .execute();
}

function runPatchColumns(patch: RunPatch) {
  return {
    ...(patch.status !== undefined && { status: patch.status }),
    ...(patch.progress !== undefined && { progress: patch.progress }),
    ...(patch.summary !== undefined && { summary: JSON.stringify(patch.summary) }),
    ...(patch.error !== undefined && { error: patch.error }),
    ...(patch.end !== undefined && { end_state: JSON.stringify(patch.end) }),
    ...(patch.owner !== undefined && { owner: patch.owner }),
    ...(patch.attempt !== undefined && { attempt: patch.attempt }),
    ...(patch.startedAt !== undefined && { started_at: patch.startedAt }),
    ...(patch.finishedAt !== undefined && { finished_at: patch.finishedAt }),
    ...(patch.heartbeatAt !== undefined && { heartbeat_at: patch.heartbeatAt }),
    ...(patch.summaryValues !== undefined && { summary_values: patch.summaryValues === null ? null : JSON.stringify(patch.summaryValues) }),
    updated_at: Date.now(),
  };
}

function toExperiment(row: ExperimentRow): ExperimentRecord {
  return {
    id: row.id,
    name: row.name,
    preset: row.preset,
    scale: row.scale,
    origin: row.origin as ExperimentOrigin,
    spec: JSON.parse(row.spec) as LaunchSpec,
    status: row.status as ExperimentStatus,
    notes: row.notes,
    error: row.error,
    analysisStatus: row.analysis_status as AnalysisStatus,
    analysisProgress: row.analysis_progress,
    analysisOwner: row.analysis_owner,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    project: row.project,
  };
}

function toRun(row: RunRow): RunRecord {
  return {
    id: row.id,
    experimentId: row.experiment_id,
    key: row.key,
    group: row.group_name,
    config: JSON.parse(row.config) as RunConfig,
    spec: row.spec === null ? null : (JSON.parse(row.spec) as RunSpec),
    external: row.external === 1,
    status: row.status as RunStatus,
    progress: row.progress,
    summary: row.summary === null ? null : (JSON.parse(row.summary) as ModelSummary),
    error: row.error,
    end: row.end_state === null ? null : (JSON.parse(row.end_state) as StoredRunEnd),
    owner: row.owner,
    attempt: row.attempt,
    divergedAtStep: row.diverged_at_step === null ? null : Number(row.diverged_at_step),
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
    heartbeatAt: row.heartbeat_at,
    rawConfig: row.raw_config === null ? null : (JSON.parse(row.raw_config) as Record<string, unknown>),
    summaryValues: row.summary_values === null ? null : (JSON.parse(row.summary_values) as Record<string, unknown>),
  };
}

function toMetricPoint(row: { key: string; step: number; value: number | null; wall_time: number; epoch: number | null; nonfinite: string | null }): StoredMetricPoint {
  return { key: row.key, step: Number(row.step), value: storedToNumber(row.value, row.nonfinite), wallTime: row.wall_time, epoch: row.epoch };
}
