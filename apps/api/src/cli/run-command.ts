/**
 * `saddle run <preset>`: launches a preset through the same store and worker processes as the
 * API (so it shows in the dashboard), follows it — progress bars per run and overall with ETA
 * on a terminal, one line per change otherwise — and exits 0 when it succeeded, 1 when not.
 */
import cliProgress from 'cli-progress';
import { experimentResult } from '../experiments/experiment.export.js';
import { formatExpected } from '../presets/expected-time.js';
import { Topic, type ExperimentEventPayload } from '../pubsub/topics.js';
import { createRuntime } from '../runtime.js';
import { createServices } from '../server.js';
import { SaddleError } from '../errors.js';
import type { ExperimentStatus } from '../store/records.js';
import type { Scale } from '@saddle/engine';

export interface RunCommandOptions {
  scale: Scale;
  data?: 'mnist' | 'cifar10';
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
  try {
    // Before the launch: the store's own earlier launches are what it has measured.
    const expected = await services.experiments.expectedTime(preset, options.scale);
    let experiment;
    try {
      experiment = await services.experiments.launch({
        preset,
        scale: options.scale,
        ...(options.data && { data: options.data }),
        ...(Object.keys(options.set).length > 0 && { overrides: options.set }),
        ...(options.name && { name: options.name }),
        tags: options.tags,
      });
    } catch (error) {
      if (error instanceof SaddleError) {
        const path = (error.extensions.path as (string | number)[] | undefined)?.slice(1).join('.');
        const allowed = error.extensions.allowed;
        const argument = path?.startsWith('preset') ? `<preset> ${JSON.stringify(preset)}` : path?.startsWith('overrides') ? `--set ${path.slice('overrides.'.length) || ''}`.trim() : path ? `--${path}` : 'input';
        io.err.write(`saddle run: bad ${argument}: ${error.message}${allowed ? `\n  allowed: ${Array.isArray(allowed) ? allowed.join(', ') : String(allowed)}` : ''}\n`);
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

    const onSigint = () => {
      interrupted++;
      if (interrupted > 1) process.exit(130);
      io.err.write('\nsaddle: cancelling (Ctrl-C again to quit at once)\n');
      void services.experiments.cancel(id);
    };
    process.on('SIGINT', onSigint);

    const tty = Boolean(io.err.isTTY) && !options.json;
    const bars = tty ? new cliProgress.MultiBar({ format: ' {label} |{bar}| {percentage}% | ETA {eta_formatted} | {status}', hideCursor: true, clearOnComplete: false, stream: io.err as NodeJS.WriteStream }, cliProgress.Presets.shades_classic) : undefined;
    const overall = bars?.create(runs.length * 100, 0, { label: 'overall'.padEnd(24), status: 'QUEUED' });
    const runBars = new Map(runs.map((r) => [r.id, bars?.create(100, 0, { label: r.key.slice(0, 24).padEnd(24), status: 'QUEUED' })]));
    const progress = new Map(runs.map((r) => [r.id, 0]));
    const lastLogged = new Map<string, number>();
    const log = (line: string) => {
      if (!tty) io.err.write(`${new Date().toISOString()} ${line}\n`);
    };

    const events = runtime.pubsub.subscribe(Topic.ExperimentEvents, id);
    let status: ExperimentStatus = experiment.status;
    const follow = (async () => {
      for await (const event of events as AsyncIterable<ExperimentEventPayload>) {
        const key = event.runId ? (keyOf.get(event.runId) ?? event.runId) : '';
        switch (event.type) {
          case 'RUN_PROGRESS': {
            const fraction = event.progress ?? 0;
            progress.set(event.runId!, fraction);
            runBars.get(event.runId!)?.update(Math.round(fraction * 100));
            overall?.update(Math.round([...progress.values()].reduce((a, b) => a + b, 0) * 100));
            const decile = Math.floor(fraction * 10);
            if (decile > (lastLogged.get(event.runId!) ?? 0)) {
              lastLogged.set(event.runId!, decile);
              log(`run ${key}: ${decile * 10}%`);
            }
            break;
          }
          case 'RUN_STATUS':
            runBars.get(event.runId!)?.update({ status: event.runStatus });
            if (event.runStatus !== 'RUNNING' && event.runStatus !== 'QUEUED') {
              progress.set(event.runId!, 1);
              runBars.get(event.runId!)?.update(100);
            }
            log(`run ${key}: ${event.runStatus}${event.error ? ` — ${event.error}` : ''}`);
            break;
          case 'STATUS':
            status = event.status ?? status;
            overall?.update({ status });
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
    bars?.stop();
    process.off('SIGINT', onSigint);

    const result = await experimentResult(runtime.store, id);
    if (options.json) io.out.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      io.out.write(`experiment ${id}: ${status}${result.experiment.error ? ` — ${result.experiment.error}` : ''}\n`);
      for (const run of result.runs) {
        const loss = run.final?.['train/loss'];
        io.out.write(`  ${run.key.padEnd(28)} ${run.status.padEnd(10)} ${loss !== undefined ? `train/loss ${loss.toPrecision(4)}` : (run.error ?? '')}\n`);
      }
      for (const figure of result.analyses) io.out.write(`  figure ${figure.id}: ${figure.title}\n`);
    }
    return status === 'SUCCEEDED' ? 0 : 1;
  } finally {
    await runtime.close();
  }
}
