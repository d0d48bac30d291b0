/**
 * `saddle run <preset>`: launches a preset through the same store and worker processes as the
 * API (so it shows in the dashboard), follows it — a line per run and overall with progress,
 * ETA, status and the latest loss/accuracy on a terminal (laid out by run-display.ts to fit its
 * width); piped, a line per change and a heartbeat with the numbers at least every 30 s — ends
 * with a summary (every final metric, the figures, where to see it, how to export it), and exits
 * 0 when it succeeded, 1 when not. Ctrl-C or SIGTERM cancels; a second one quits at once.
 */
import cliProgress from 'cli-progress';
import { experimentResult } from '../experiments/experiment.export.js';
import { formatExpected } from '../presets/expected-time.js';
import { Topic, type ExperimentEventPayload } from '../pubsub/topics.js';
import { createRuntime } from '../runtime.js';
import { createServices } from '../server.js';
import { SaddleError } from '../errors.js';
import type { ExperimentStatus } from '../store/records.js';
import { finalMetrics, heartbeatLine, liveMetrics, progressLine, wrapWords, type RunView } from './run-display.js';
import { dashboardHint } from './server-record.js';
import type { Scale } from '@saddle/engine';

export interface RunCommandOptions {
  /** `--spec file.json`: one run from a raw RunSpec (as launchExperiment's `spec`) instead of a preset. */
  spec?: { file: string; value: Record<string, unknown> };
  /** With `spec`: `--sweep` (and `--sweep-method`, `--samples`), as launchExperiment's `sweep`. */
  sweep?: { method: 'GRID' | 'RANDOM'; parameters: Record<string, unknown>; samples?: number };
  /** With `spec`: `--seeds`. */
  seeds?: number;
  scale: Scale;
  /** `--data`: mnist or cifar10, else the name of a registered dataset (launchExperiment's `dataset`). */
  data?: string;
  set: Record<string, unknown>;
  json: boolean;
  name?: string;
  tags: string[];
  dataDir?: string;
  workers?: number;
}

export interface CliIo {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream & { isTTY?: boolean };
}

const FINAL: readonly ExperimentStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export async function runCommand(preset: string, options: RunCommandOptions, io: CliIo): Promise<number> {
  // recover: false — orphans are the API's to re-queue; this process exits when its experiment does.
  const runtime = await createRuntime({ recover: false, ...(options.dataDir && { dataDir: options.dataDir }), ...(options.workers && { workers: options.workers }) });
  const services = createServices(runtime, { queue: 'local', pubsub: 'memory', workers: options.workers ?? null });
  let interrupted = 0;
  const images = options.data === 'mnist' || options.data === 'cifar10' ? options.data : undefined;
  const dataset = options.data !== undefined && images === undefined ? options.data : undefined;
  try {
    // Before the launch: the store's own earlier launches are what it has measured.
    const expected = options.spec ? null : await services.experiments.expectedTime(preset, options.scale);
    let experiment;
    try {
      experiment = await services.experiments.launch({
        ...(options.spec
          ? {
              spec: options.spec.value,
              ...(options.sweep && { sweep: options.sweep }),
              ...(options.seeds && { seeds: options.seeds }),
              ...(Object.keys(options.set).length > 0 && { overrides: options.set }),
            }
          : {
              preset,
              scale: options.scale,
              ...(images && { data: images }),
              ...(dataset && { dataset }),
              ...(Object.keys(options.set).length > 0 && { overrides: options.set }),
            }),
        ...(options.name && { name: options.name }),
        tags: options.tags,
      });
    } catch (error) {
      if (error instanceof SaddleError) {
        const path = (error.extensions.path as (string | number)[] | undefined)?.slice(1).join('.');
        const allowed = error.extensions.allowed;
        // A spec error's `allowed` is its reason, already in the message: print each thing once.
        const allowedText = allowed === undefined ? '' : Array.isArray(allowed) ? allowed.join(', ') : String(allowed);
        const argument = options.spec && path?.startsWith('spec') ? `--spec ${options.spec.file}${path.length > 'spec'.length ? ` at '${path.slice('spec.'.length)}'` : ''}` : path?.startsWith('preset') ? `<preset> ${JSON.stringify(preset)}` : path?.startsWith('overrides') ? `--set ${path.slice('overrides.'.length) || ''}`.trim() : path?.startsWith('sweep') ? sweepArgument(path) : path === 'dataset' || path === 'data' ? `--data ${options.data ?? ''}`.trim() : path ? `--${path}` : 'input';
        io.err.write(`saddle run: bad ${argument}: ${error.message}${allowedText && !error.message.includes(allowedText) ? `\n  allowed: ${allowedText}` : ''}\n`);
        return 2;
      }
      throw error;
    }
    const id = experiment.id;
    const runs = await runtime.store.runsOf(id);
    const keyOf = new Map(runs.map((r) => [r.id, r.key]));
    io.err.write(`saddle: experiment ${id} — ${experiment.name}, ${runs.length} run(s), data in ${runtime.dataDir}\n`);
    if (expected) {
      const changed = Object.keys(options.set).length > 0 || (options.data !== undefined && options.data !== 'mnist');
      io.err.write(`saddle: expected ${formatExpected(expected)}${changed ? ', for the preset’s defaults (this launch overrides some)' : ''}\n`);
    }

    // Ctrl-C (SIGINT) and SIGTERM (`timeout`, a service manager) cancel: runs end CANCELLED at
    // their current step with their points kept. The workers are in a process group of their own
    // (LocalRunQueue), so this process alone gets the terminal's signal and decides. A second
    // signal quits at once.
    const onSignal = (signal: NodeJS.Signals) => {
      interrupted++;
      if (interrupted > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
      io.err.write(`\nsaddle: ${signal === 'SIGINT' ? 'Ctrl-C' : signal}: cancelling (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again to quit at once)\n`);
      void services.experiments.cancel(id);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);

    const tty = Boolean(io.err.isTTY) && !options.json;
    const width = () => Math.max(40, (io.err as { columns?: number }).columns ?? 80);
    const views = new Map<string, RunView>(runs.map((r) => [r.id, { key: r.key, status: r.status, fraction: 0, latest: new Map() }]));
    const overallView = (): RunView => {
      const all = [...views.values()];
      const fraction = all.reduce((sum, v) => sum + v.fraction, 0) / Math.max(1, all.length);
      // From the first run's start: the workers' start-up is not training time.
      const started = all.map((v) => v.startedAt).filter((t): t is number => t !== undefined);
      return { key: 'overall', status, fraction, startedAt: started.length > 0 ? Math.min(...started) : undefined, latest: new Map() };
    };
    // cli-progress only redraws; each line is laid out by progressLine to fit the terminal.
    const bars = tty
      ? new cliProgress.MultiBar(
          {
            format: (_options, _params, payload: { line?: () => string }) => payload.line?.() ?? '',
            hideCursor: true,
            clearOnComplete: false,
            stream: io.err as NodeJS.WriteStream,
            fps: 4,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    bars?.create(1, 0, { line: () => progressLine('overall', overallView(), '', width(), Date.now()) });
    const runBars = new Map(
      runs.map((r) => {
        const view = views.get(r.id)!;
        return [r.id, bars?.create(1, 0, { line: () => progressLine(r.key, view, liveMetrics(view.latest), width(), Date.now()) })];
      }),
    );
    const redraw = (runId?: string) => {
      if (!bars) return;
      if (runId) runBars.get(runId)?.update(0);
      bars.update();
    };
    const lastLogged = new Map<string, number>();
    const log = (line: string) => {
      if (!tty) io.err.write(`${new Date().toISOString()} ${line}\n`);
    };
    // Piped output: every run still going, with its numbers, at least every interval (a
    // full-scale CNN reaches its first 10% only after minutes).
    const heartbeatMs = Number(process.env.SADDLE_PROGRESS_INTERVAL_S ?? 30) * 1000;
    const heartbeat = tty
      ? undefined
      : setInterval(() => {
          for (const view of views.values()) if (view.status === 'RUNNING') log(heartbeatLine(view, Date.now()));
        }, heartbeatMs);
    heartbeat?.unref();

    const events = runtime.pubsub.subscribe(Topic.ExperimentEvents, id);
    let status: ExperimentStatus = experiment.status;
    const follow = (async () => {
      for await (const event of events as AsyncIterable<ExperimentEventPayload>) {
        const key = event.runId ? (keyOf.get(event.runId) ?? event.runId) : '';
        const view = event.runId ? views.get(event.runId) : undefined;
        switch (event.type) {
          case 'RUN_PROGRESS': {
            const fraction = event.progress ?? 0;
            if (view) {
              view.fraction = fraction;
              view.startedAt ??= Date.now();
            }
            redraw(event.runId);
            const decile = Math.floor(fraction * 10);
            if (view && decile > (lastLogged.get(event.runId!) ?? 0)) {
              lastLogged.set(event.runId!, decile);
              log(heartbeatLine(view, Date.now()));
            }
            break;
          }
          case 'RUN_STATUS':
            if (view && event.runStatus) {
              view.status = event.runStatus;
              if (event.runStatus === 'RUNNING') view.startedAt ??= Date.now();
              if (event.runStatus === 'SUCCEEDED') view.fraction = 1;
            }
            redraw(event.runId);
            log(`run ${key}: ${event.runStatus}${event.error ? ` — ${event.error}` : ''}`);
            break;
          case 'STATUS':
            status = event.status ?? status;
            redraw();
            log(`experiment: ${event.status}${event.error ? ` — ${event.error}` : ''}`);
            break;
          case 'ANALYSIS':
            if (event.figureIds) log(`analysis: ${event.figureIds.length} figure(s) stored`);
            else if (event.error) log(`analysis failed: ${event.error}`);
            break;
          case 'SERIES_RESET':
            log(`run ${key}: restarted after its worker stopped (series reloaded)`);
            break;
          case 'METRICS':
            if (view) for (const point of event.points ?? []) if (point.value !== null) view.latest.set(point.key, point.value);
            redraw(event.runId);
            break;
          default: {
            const unreachable: never = event.type;
            throw new Error(`saddle run: unknown event ${String(unreachable)}`);
          }
        }
        if (FINAL.includes(status)) break;
      }
    })();
    // Events drive the display; the store is the truth for when it is over.
    for (;;) {
      const current = await runtime.store.getExperiment(id);
      if (current && FINAL.includes(current.status)) {
        status = current.status;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await events.return?.();
    await follow.catch(() => {});
    if (heartbeat) clearInterval(heartbeat);
    bars?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);

    const result = await experimentResult(runtime.store, id);
    if (options.json) io.out.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      io.out.write(`experiment ${id}: ${status}${result.experiment.error ? ` — ${result.experiment.error}` : ''}\n`);
      const keyWidth = Math.max(...result.runs.map((run) => run.key.length), 4);
      for (const run of result.runs) {
        const head = `  ${run.key.padEnd(keyWidth)}  ${run.status.padEnd(9)}`;
        const lines = wrapWords(finalMetrics(run.final), 80 - head.length - 2);
        io.out.write(`${head}  ${lines[0] ?? ''}${run.error ? `${lines[0] ? '  ' : ''}${run.error}` : ''}\n`);
        for (const line of lines.slice(1)) io.out.write(`${' '.repeat(head.length + 2)}${line}\n`);
      }
      if (result.analyses.length > 0) io.out.write(`figures (${result.analyses.length}):\n`);
      for (const figure of result.analyses) io.out.write(`  ${figure.id}: ${figure.title}\n`);
      io.out.write(`${dashboardHint(runtime.dataDir, id)}\n`);
      io.out.write(`export: saddle export ${id} --data-dir ${runtime.dataDir} --out ${id}.json\n`);
    }
    return status === 'SUCCEEDED' ? 0 : 1;
  } finally {
    await runtime.close();
  }
}

/** `sweep.parameters.optimizer.lr.max` → `--sweep optimizer.lr`; `sweep.method` → `--sweep-method`. */
function sweepArgument(path: string): string {
  if (path.startsWith('sweep.parameters.')) {
    const rest = path.slice('sweep.parameters.'.length).replace(/\.(values|min|max|log|count|integer)(\.\d+)?$/, '');
    return `--sweep ${rest}`;
  }
  if (path === 'sweep.method') return '--sweep-method';
  if (path === 'sweep.samples') return '--samples';
  if (path === 'sweep.seeds') return '--seeds';
  return '--sweep';
}
