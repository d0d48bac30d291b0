/**
 * The one set of migrations, written with kysely's schema builder so the same code creates the
 * SQLite and the PostgreSQL schema. Add a migration; never edit one that has shipped.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

// Each migration builds against `Kysely<unknown>`: migrations must not depend on today's table types.
const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('experiments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('preset', 'text')
        .addColumn('scale', 'text')
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('spec', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('error', 'text')
        .addColumn('analysis_status', 'text', (c) => c.notNull())
        .addColumn('analysis_progress', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'double precision', (c) => c.notNull())
        .addColumn('updated_at', 'double precision', (c) => c.notNull())
        .addColumn('finished_at', 'double precision')
        .execute();
      await db.schema.createIndex('experiments_created_at').on('experiments').columns(['created_at', 'id']).execute();

      await db.schema
        .createTable('experiment_tags')
        .addColumn('experiment_id', 'text', (c) => c.notNull().references('experiments.id').onDelete('cascade'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('experiment_tags_pk', ['experiment_id', 'tag'])
        .execute();
      await db.schema.createIndex('experiment_tags_tag').on('experiment_tags').column('tag').execute();

      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('experiment_id', 'text', (c) => c.notNull().references('experiments.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('group_name', 'text', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('spec', 'text')
        .addColumn('external', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('summary', 'text')
        .addColumn('error', 'text')
        .addColumn('end_state', 'text')
        .addColumn('owner', 'text')
        .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'double precision', (c) => c.notNull())
        .addColumn('started_at', 'double precision')
        .addColumn('finished_at', 'double precision')
        .addColumn('updated_at', 'double precision', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('runs_experiment').on('runs').columns(['experiment_id', 'position']).execute();
      await db.schema.createIndex('runs_status').on('runs').column('status').execute();

      await db.schema
        .createTable('metrics')
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('step', 'integer', (c) => c.notNull())
        .addColumn('value', 'double precision')
        .addColumn('wall_time', 'double precision', (c) => c.notNull())
        .addColumn('epoch', 'double precision')
        .addPrimaryKeyConstraint('metrics_pk', ['run_id', 'key', 'step'])
        .execute();

      await db.schema
        .createTable('figures')
        .addColumn('experiment_id', 'text', (c) => c.notNull().references('experiments.id').onDelete('cascade'))
        .addColumn('figure_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('figures_pk', ['experiment_id', 'figure_id'])
        .execute();

      await db.schema
        .createTable('artifacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('step', 'integer', (c) => c.notNull())
        .addColumn('epoch', 'double precision', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('theta_length', 'integer', (c) => c.notNull())
        .addColumn('state_length', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'double precision', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('artifacts_run').on('artifacts').columns(['run_id', 'kind', 'step']).execute();

      await db.schema
        .createTable('tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'double precision', (c) => c.notNull())
        .addColumn('last_used_at', 'double precision')
        .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '0002_analysis_owner': {
    // Who computes an experiment's analysis while it is RUNNING (`host:pid`, like runs.owner):
    // recovery leaves a live owner's analysis alone, and figures are stored only by the owner.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('experiments').addColumn('analysis_owner', 'text').execute();
    },
  },
  '0003_run_checkpoints': {
    // The latest resumable checkpoint of each run, so a restarted run resumes instead of starting over.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('checkpoints')
        .addColumn('run_id', 'text', (c) => c.primaryKey().references('runs.id').onDelete('cascade'))
        .addColumn('step', 'integer', (c) => c.notNull())
        .addColumn('epoch', 'double precision', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('created_at', 'double precision', (c) => c.notNull())
        .execute();
    },
  },
  '0004_metric_blocks': {
    // Per-64-step min/max blocks of each series (store/metric-blocks.ts), so a downsampled read
    // of a long series need not scan every point; built here for the points already stored.
    // The block size and the +∞ standing for a non-finite (NULL) value are this migration's own
    // copies: a migration must not change when today's code does.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('metric_blocks')
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('block', 'integer', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('lo', 'double precision', (c) => c.notNull())
        .addColumn('lo_step', 'integer', (c) => c.notNull())
        .addColumn('hi', 'double precision', (c) => c.notNull())
        .addColumn('hi_step', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('metric_blocks_pk', ['run_id', 'key', 'block'])
        .execute();
      const postgres = await isPostgres(db);
      const infinity = postgres ? sql`CAST('Infinity' AS DOUBLE PRECISION)` : sql`9e999`;
      await sql`
        WITH pts AS (SELECT run_id, key, step / 64 AS block, step, COALESCE(value, ${infinity}) AS v FROM metrics),
        ext AS (SELECT run_id, key, block, COUNT(*) AS n, MIN(v) AS lo, MAX(v) AS hi FROM pts GROUP BY run_id, key, block)
        INSERT INTO metric_blocks (run_id, key, block, count, lo, lo_step, hi, hi_step)
        SELECT ext.run_id, ext.key, ext.block, ext.n, ext.lo, MIN(CASE WHEN pts.v = ext.lo THEN pts.step END), ext.hi, MIN(CASE WHEN pts.v = ext.hi THEN pts.step END)
        FROM ext JOIN pts ON pts.run_id = ext.run_id AND pts.key = ext.key AND pts.block = ext.block
        GROUP BY ext.run_id, ext.key, ext.block, ext.n, ext.lo, ext.hi`.execute(db);
    },
  },
  '0006_non_finite_metrics': {
    // Non-finite values are data (issue 14): `metrics.nonfinite` spells which one a NULL value was
    // (store/metric-values.ts), `runs.diverged_at_step` is the first step holding one. The blocks
    // now leave non-finite points out of their extremes (hi was +∞ for a block holding a NULL), so
    // those blocks are recomputed; their points also give each run's first non-finite step. A NULL
    // stored before this column reads back as NaN. Block size and infinities are this migration's
    // own copies.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('metrics').addColumn('nonfinite', 'text').execute();
      await db.schema.alterTable('runs').addColumn('diverged_at_step', 'integer').execute();
      const postgres = await isPostgres(db);
      const infinity = postgres ? sql`CAST('Infinity' AS DOUBLE PRECISION)` : sql`9e999`;
      const minusInfinity = postgres ? sql`CAST('-Infinity' AS DOUBLE PRECISION)` : sql`-9e999`;
      const inBlock = sql`m.run_id = b.run_id AND m.key = b.key AND m.step >= b.block * 64 AND m.step < b.block * 64 + 64`;
      await sql`
        UPDATE runs SET diverged_at_step = (
          SELECT MIN(m.step) FROM metric_blocks b JOIN metrics m ON ${inBlock} AND m.value IS NULL
          WHERE b.run_id = runs.id AND b.hi = ${infinity})
        WHERE id IN (SELECT run_id FROM metric_blocks WHERE hi = ${infinity})`.execute(db);
      await sql`
        WITH pts AS (
          SELECT b.run_id, b.key, b.block, m.step, COALESCE(m.value, ${infinity}) AS vlo, COALESCE(m.value, ${minusInfinity}) AS vhi
          FROM metric_blocks b JOIN metrics m ON ${inBlock} WHERE b.hi = ${infinity}
        ),
        ext AS (SELECT run_id, key, block, COUNT(*) AS n, MIN(vlo) AS lo, MAX(vhi) AS hi FROM pts GROUP BY run_id, key, block)
        INSERT INTO metric_blocks (run_id, key, block, count, lo, lo_step, hi, hi_step)
        SELECT ext.run_id, ext.key, ext.block, ext.n, ext.lo, MIN(CASE WHEN pts.vlo = ext.lo THEN pts.step END), ext.hi, MIN(CASE WHEN pts.vhi = ext.hi THEN pts.step END)
        FROM ext JOIN pts ON pts.run_id = ext.run_id AND pts.key = ext.key AND pts.block = ext.block
        WHERE true
        GROUP BY ext.run_id, ext.key, ext.block, ext.n, ext.lo, ext.hi
        ON CONFLICT (run_id, key, block) DO UPDATE SET count = excluded.count, lo = excluded.lo, lo_step = excluded.lo_step, hi = excluded.hi, hi_step = excluded.hi_step`.execute(db);
    },
  },
  '0007_run_liveness_projects_files': {
    // Issue 14, for scripts that log their own runs: `runs.heartbeat_at` is when a script last
    // sent anything (a RUNNING external run silent for longer becomes CRASHED, also across API
    // restarts); `runs.raw_config` is the config as the script sent it (nested JSON; `config`
    // holds it flattened to dotted paths); `runs.summary_values` what it set with setSummary;
    // `experiments.project` groups experiments (experiments of logged runs are found by
    // (project, name)); `run_files` are the files scripts upload for a run (weights go to
    // `artifacts`, as a trained run's do).
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('runs').addColumn('heartbeat_at', 'double precision').execute();
      await db.schema.alterTable('runs').addColumn('raw_config', 'text').execute();
      await db.schema.alterTable('runs').addColumn('summary_values', 'text').execute();
      await db.schema.alterTable('experiments').addColumn('project', 'text').execute();
      await db.schema.createIndex('experiments_project_name').on('experiments').columns(['project', 'name']).execute();
      await db.schema
        .createTable('run_files')
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('size', 'double precision', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('created_at', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('run_files_pk', ['run_id', 'name'])
        .execute();
    },
  },
  '0008_suites_and_report_notes': {
    // A suite is one launch of the whole catalogue (`saddle run hw1`): its experiments, in report
    // order. Report notes are the per-section Markdown comments of a report, keyed by the report's
    // subject (a suite's or an experiment's id) and the section's key; no foreign key, because the
    // subject is either table's row (deleting one deletes its notes in the store).
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('suites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('suite', 'text', (c) => c.notNull())
        .addColumn('scale', 'text', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('created_at', 'double precision', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('suites_created_at').on('suites').columns(['created_at', 'id']).execute();
      await db.schema
        .createTable('suite_experiments')
        .addColumn('suite_id', 'text', (c) => c.notNull().references('suites.id').onDelete('cascade'))
        .addColumn('experiment_id', 'text', (c) => c.notNull().references('experiments.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('suite_experiments_pk', ['suite_id', 'experiment_id'])
        .execute();
      await db.schema.createIndex('suite_experiments_experiment').on('suite_experiments').column('experiment_id').execute();
      await db.schema
        .createTable('report_notes')
        .addColumn('report_id', 'text', (c) => c.notNull())
        .addColumn('section_key', 'text', (c) => c.notNull())
        .addColumn('markdown', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('report_notes_pk', ['report_id', 'section_key'])
        .execute();
    },
  },
  '0009_run_values': {
    // Query.runs filters and sorts runs across experiments by config paths and final metrics: one
    // row per (run, source, path) with the value as a number and as text, indexed by (source,
    // path, value), so a condition or a sort on one path reads an index range instead of parsing
    // every run's JSON. Rows are built lazily (store/run-values.ts): `runs.values_indexed_at` is
    // the `updated_at` a run's rows were built from, and runs changed since are rebuilt before the
    // next query (the partial index finds them without a scan). Runs from before are built then.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('run_values')
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('num', 'double precision')
        .addColumn('str', 'text')
        .addPrimaryKeyConstraint('run_values_pk', ['run_id', 'source', 'path'])
        .execute();
      await db.schema.createIndex('run_values_num').on('run_values').columns(['source', 'path', 'num', 'run_id']).execute();
      await db.schema.createIndex('run_values_str').on('run_values').columns(['source', 'path', 'str', 'run_id']).execute();
      await db.schema.alterTable('runs').addColumn('values_indexed_at', 'double precision').execute();
      await sql`CREATE INDEX runs_values_stale ON runs (updated_at) WHERE values_indexed_at IS NULL OR values_indexed_at < updated_at`.execute(db);
      await db.schema.createIndex('runs_created_at').on('runs').columns(['created_at', 'id']).execute();
    },
  },
  '0010_run_values_statistics': {
    // PostgreSQL estimates `source = … AND path = … AND str = …` as if the three were independent
    // (738 rows where 10,038 match at 100,000 runs) and then drives a sorted Query.runs from a
    // condition instead of the sort's index range (150 ms instead of 10). Statistics on the
    // columns together fix the estimates; SQLite has no such statistics and needs none (its
    // order is fixed in store/run-values.ts).
    async up(db: Kysely<unknown>): Promise<void> {
      if (!(await isPostgres(db))) return;
      await sql`CREATE STATISTICS run_values_str_stats (mcv, dependencies) ON source, path, str FROM run_values`.execute(db);
      await sql`CREATE STATISTICS run_values_num_stats (dependencies) ON source, path, num FROM run_values`.execute(db);
    },
  },
  '0011_run_analyses': {
    // Issue 13: analyses asked for on any run (analyzeRun) or pair (analyzeRuns), claimed and
    // stored by the one analysis job like an experiment's (store/run-analyses.ts).
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('run_analyses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
        .addColumn('other_run_id', 'text', (c) => c.references('runs.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('progress', 'double precision', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('error', 'text')
        .addColumn('figures', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addColumn('created_at', 'double precision', (c) => c.notNull())
        .addColumn('finished_at', 'double precision')
        .execute();
      await db.schema.createIndex('run_analyses_run').on('run_analyses').columns(['run_id', 'created_at']).execute();
      await db.schema.createIndex('run_analyses_other_run').on('run_analyses').columns(['other_run_id']).execute();
      await db.schema.createIndex('run_analyses_status').on('run_analyses').columns(['status']).execute();
    },
  },
  '0012_runs_experiment_key': {
    // Issue 14: createRun into an experiment of logged runs checks its name against the
    // experiment's keys (`name`, `name-2`, …); read from this index, not from every run's row.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('runs_experiment_key').on('runs').columns(['experiment_id', 'key']).execute();
    },
  },
};

/**
 * Which dialect, by a statement both accept (a failing probe would abort PostgreSQL's migration
 * transaction): PostgreSQL reads 'Infinity' as +∞, SQLite as 0. PostgreSQL has no 9e999 literal
 * for +∞, SQLite no 'Infinity'.
 */
async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{ infinite: unknown }>`SELECT CAST('Infinity' AS DOUBLE PRECISION) > 1 AS infinite`.execute(db);
  const infinite = rows[0]?.infinite;
  return infinite === true || infinite === 1;
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
