/**
 * `saddle run hw1 --scale quick|standard|full`: the whole HW1 catalogue as one suite, through
 * the same store and worker processes as the API (so the suite and its report show in the
 * dashboard). On a terminal a line per experiment and one overall, with progress and ETA (the
 * suite's: its experiments' expected times); piped, a line per status change and a heartbeat.
 * Ends with each experiment's status and the commands that write the report; exits 0 when every
 * experiment succeeded, 1 when not. Ctrl-C or SIGTERM cancels the suite; a second one quits.
 */
import cliProgress from 'cli-progress';
import { SaddleError } from '../errors.js';
import { createRuntime } from '../runtime.js';
import { createServices } from '../server.js';
import type { ExperimentStatus } from '../store/records.js';
import { formatDuration, progressLine } from './run-display.js';
import type { CliIo } from './run-command.js';
import type { Scale } from '@saddle/engine';

export interface SuiteCommandOptions {
  scale: Scale;
  data?: 'mnist' | 'cifar10';
  tags: string[];
  dataDir?: string;
  workers?: number;
  /** How often the display reads the store (ms, default 500). */
  pollMs?: number;
}

const FINAL: readonly ExperimentStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export async function suiteCommand(suiteName: string, options: SuiteCommandOptions, io: CliIo): Promise<number> {
  const runtime = await createRuntime({ recover: false, ...(options.dataDir && { dataDir: options.dataDir }), ...(options.workers && { workers: options.workers }) });
  const services = createServices(runtime, { queue: 'local', pubsub: 'memory', workers: options.workers ?? null });
  let interrupted = 0;
  try {
    let suite;
    try {
      suite = await services.suites.launch({ suite: suiteName, scale: options.scale, ...(options.data && { data: options.data }), tags: options.tags });
    } catch (error) {
      if (error instanceof SaddleError) {
        const allowed = error.extensions.allowed;
        io.err.write(`saddle run: bad <preset> ${JSON.stringify(suiteName)}: ${error.message}${Array.isArray(allowed) ? `\n  allowed: ${allowed.join(', ')}` : ''}\n`);
        return 2;
      }
      throw error;
    }
    const first = await services.suites.state(suite);
    io.err.write(`saddle: suite ${suite.id} — ${suite.name}, ${suite.experimentIds.length} experiments, data in ${runtime.dataDir}\n`);
    if (first.etaSeconds !== null) io.err.write(`saddle: expected ~${formatDuration(first.etaSeconds)} (the experiments' expected times, one after another)\n`);

    const onSignal = (signal: NodeJS.Signals) => {
      interrupted++;
      if (interrupted > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
      io.err.write(`\nsaddle: ${signal === 'SIGINT' ? 'Ctrl-C' : signal}: cancelling the suite (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again to quit at once)\n`);
      void services.suites.cancel(suite.id);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);

    const tty = Boolean(io.err.isTTY);
    const width = () => Math.max(40, (io.err as { columns?: number }).columns ?? 80);
    const startedAt = Date.now();
    let state = first;
    const views = new Map<string, { status: string; fraction: number; startedAt?: number }>();
    const bars = tty
      ? new cliProgress.MultiBar(
          { format: (_o, _p, payload: { line?: () => string }) => payload.line?.() ?? '', hideCursor: true, clearOnComplete: false, stream: io.err as NodeJS.WriteStream, fps: 4 },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    bars?.create(1, 0, { line: () => progressLine('overall', { status: state.status, fraction: state.progress, startedAt }, '', width(), Date.now()) });
    for (const experiment of first.experiments) {
      const view = { status: experiment.status as string, fraction: 0 };
      views.set(experiment.id, view);
      bars?.create(1, 0, { line: () => progressLine(experiment.preset ?? experiment.name, view, '', width(), Date.now()) });
    }
    const log = (line: string) => {
      if (!tty) io.err.write(`${new Date().toISOString()} ${line}\n`);
    };
    const heartbeatMs = Number(process.env.SADDLE_PROGRESS_INTERVAL_S ?? 30) * 1000;
    let lastHeartbeat = Date.now();
    for (;;) {
      state = await services.suites.state(suite);
      for (const experiment of state.experiments) {
        const view = views.get(experiment.id);
        if (!view) continue;
        view.fraction = await services.experiments.progress(experiment.id);
        if (experiment.status !== 'QUEUED') view.startedAt ??= Date.now();
        if (view.status !== experiment.status) log(`${experiment.preset ?? experiment.name}: ${experiment.status}${experiment.error ? ` — ${experiment.error}` : ''}`);
        view.status = experiment.status;
      }
      bars?.update();
      if (!tty && Date.now() - lastHeartbeat >= heartbeatMs) {
        lastHeartbeat = Date.now();
        log(`overall ${Math.round(state.progress * 100)}%${state.etaSeconds !== null ? ` ETA ${formatDuration(state.etaSeconds)}` : ''} ${state.status}`);
      }
      if (FINAL.includes(state.status)) break;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
    }
    bars?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);

    io.out.write(`suite ${suite.id}: ${state.status} in ${formatDuration((Date.now() - startedAt) / 1000)}\n`);
    const width2 = Math.max(...state.experiments.map((e) => (e.preset ?? e.name).length), 4);
    for (const experiment of state.experiments) io.out.write(`  ${(experiment.preset ?? experiment.name).padEnd(width2)}  ${experiment.status.padEnd(9)}  ${experiment.id}${experiment.error ? `  ${experiment.error}` : ''}\n`);
    const dir = options.dataDir ? ` --data-dir ${runtime.dataDir}` : '';
    io.out.write(`report: saddle report ${suite.id}${dir} --format pdf --out hw1-report.pdf   (or --format md|html; \`latest\` for the newest suite)\n`);
    return state.status === 'SUCCEEDED' ? 0 : 1;
  } finally {
    await runtime.close();
  }
}
