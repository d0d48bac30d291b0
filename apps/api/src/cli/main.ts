/**
 * The `saddle` command line: serve, run, models, export, token, worker. Exit codes: 0 done,
 * 1 failed runs (or a failed command), 2 bad usage — with a message naming the bad argument.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SCALES, type Scale } from '@saddle/engine/scales';
import type { CliIo } from './run-command.js';
import { parseSweepArgs, SWEEP_SYNTAX, type SweepParameterArg } from './sweep-args.js';

// Everything that loads the engine (TensorFlow.js), the store or the server is imported inside
// the action that needs it (graphql too, through the error classes: only failures load them),
// so `saddle --help` starts in ~0.15 s instead of ~0.9 s (measured in apps/api/README.md).
const createRuntime = async (...args: Parameters<typeof import('../runtime.js').createRuntime>) => (await import('../runtime.js')).createRuntime(...args);

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function positiveIntegerOrZero(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

function finiteNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError('expected a port number 0–65535');
  return n;
}

/** `--set key=value`, repeatable; values are JSON when they parse as JSON (numbers, booleans), else strings. */
function keyValue(value: string, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const match = /^([^=]+)=(.*)$/.exec(value);
  if (!match) throw new InvalidArgumentError(`expected key=value, got "${value}"`);
  const [, key, raw] = match as unknown as [string, string, string];
  let parsed: unknown = raw;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // a bare string such as `mlp-deep`
  }
  return { ...previous, [key.trim()]: parsed };
}

function inputShape(value: string): number[] {
  const dims = value.split('x').map(Number);
  if (dims.length === 0 || dims.some((d) => !Number.isInteger(d) || d < 1)) throw new InvalidArgumentError('expected dimensions like 32x32x3 or 28x28x1');
  return dims;
}

export async function main(argv: readonly string[], io: CliIo = { out: process.stdout, err: process.stderr }): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('saddle')
    .description('Deep-learning theory experiments: train, analyse, watch them live.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .version(saddleVersion(), '-V, --version', 'the saddle version');
  const dataDir = new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)');

  program
    .command('serve')
    .description('serve the GraphQL API (and with --web the dashboard) on one origin')
    .option('--web', 'also start the Next.js dashboard (apps/web) behind the same origin')
    .option('--port <port>', 'port (default $SADDLE_PORT or 4000)', port)
    .option('--host <host>', 'address to bind (default 127.0.0.1; anything else requires tokens)')
    .option('--workers <n>', 'local worker processes (default $SADDLE_WORKERS or one per core)', positiveInteger)
    .addOption(dataDir)
    .action(async (options: { web?: boolean; port?: number; host?: string; workers?: number; dataDir?: string }) => {
      const { serveCommand } = await import('./serve-command.js');
      exitCode = await serveCommand(options, io);
    });

  program
    .command('run')
    .description('run a catalogue preset (or with --spec, one run from a RunSpec file) through the store and workers, with progress')
    .argument('[preset]', 'preset id, e.g. fit-function (saddle presets lists them), or hw1: the whole catalogue as one suite, with its report')
    .option('--spec <file>', 'a JSON RunSpec (missing fields take the engine’s defaults) instead of a preset: one run, or with --seeds/--sweep one per seed and point; --set applies to it')
    .option('--sweep <path=values>', `with --spec: sweep a RunSpec path. ${SWEEP_SYNTAX}`, (value: string, previous: string[] = []) => [...previous, value], [])
    .option('--seeds <n>', 'with --spec: trainings of the spec (or of every sweep point), seeds seed … seed+n−1', positiveInteger)
    .addOption(new Option('--sweep-method <method>', 'with --sweep: grid (every combination) or random (--samples draws; ranges drawn uniformly, log-uniformly with log:)').choices(['grid', 'random']).default('grid'))
    .option('--samples <n>', 'with --sweep-method random: the points drawn (default 8)', positiveInteger)
    .addOption(new Option('--scale <scale>', 'quick (minutes, CI), standard (about an hour for the whole catalogue on 2 cores; decides the findings) or full (the original size, hours)').choices([...SCALES]).default('quick'))
    .option('--data <data>', 'what the classification presets train on: mnist (default), cifar10, or the name of a registered dataset (saddle data list)')
    .option('--set <key=value>', 'override a preset knob or a dotted RunSpec path (repeatable)', keyValue, {})
    .option('--json', 'print the experiment’s result document at the end')
    .option('--name <name>', 'experiment name')
    .option('--tag <tag>', 'tag (repeatable)', (value: string, previous: string[] = []) => [...previous, value], [])
    .option('--workers <n>', 'worker processes (default $SADDLE_WORKERS or one per core)', positiveInteger)
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (preset: string | undefined, options: { spec?: string; sweep: string[]; seeds?: number; sweepMethod: 'grid' | 'random'; samples?: number; scale: Scale; data?: string; set: Record<string, unknown>; json?: boolean; name?: string; tag: string[]; workers?: number; dataDir?: string }, command: Command) => {
      const specOnly = (['sweep', 'seeds', 'sweepMethod', 'samples'] as const).filter((flag) => command.getOptionValueSource(flag) === 'cli');
      if (options.spec === undefined && specOnly.length > 0) {
        const flag = `--${specOnly[0]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
        io.err.write(`saddle run: bad ${flag}: it goes with --spec file.json; a preset has knobs of its own (saddle presets lists them; e.g. --set seeds=3)\n`);
        exitCode = 2;
        return;
      }
      let sweep: { method: 'GRID' | 'RANDOM'; parameters: Record<string, SweepParameterArg>; samples?: number } | undefined;
      if (options.sweep.length > 0) {
        try {
          sweep = { method: options.sweepMethod === 'random' ? 'RANDOM' : 'GRID', parameters: parseSweepArgs(options.sweep), ...(options.samples && { samples: options.samples }) };
        } catch (error) {
          io.err.write(`saddle run: bad --sweep: ${error instanceof Error ? error.message : String(error)}\n`);
          exitCode = 2;
          return;
        }
      } else if (command.getOptionValueSource('sweepMethod') === 'cli' || options.samples !== undefined) {
        io.err.write(`saddle run: bad --${options.samples !== undefined ? 'samples' : 'sweep-method'}: it goes with --sweep PATH=VALUES\n`);
        exitCode = 2;
        return;
      }
      const spec = options.spec === undefined ? undefined : readSpecFile(options.spec, preset, command, io);
      if (spec === null || (spec === undefined && preset === undefined)) {
        if (spec === undefined) io.err.write('saddle run: missing <preset> (or --spec file.json); saddle presets lists the presets\n');
        exitCode = 2;
        return;
      }
      if (spec === undefined && preset !== undefined) {
        // A suite's name (`hw1`) runs the whole catalogue as one suite, with its report.
        const { SUITES } = await import('../reports/suite.service.js');
        if (Object.hasOwn(SUITES, preset)) {
          if (Object.keys(options.set).length > 0 || options.name || options.json) {
            io.err.write(`saddle run: bad ${Object.keys(options.set).length > 0 ? '--set' : options.name ? '--name' : '--json'}: ${preset} runs every preset at the scale's defaults; give it only --scale, --data, --tag, --workers, --data-dir\n`);
            exitCode = 2;
            return;
          }
          if (options.data !== undefined && options.data !== 'mnist' && options.data !== 'cifar10') {
            io.err.write(`saddle run: bad --data: ${preset} takes mnist or cifar10; a registered dataset (${JSON.stringify(options.data)}) goes with one classification preset, e.g. saddle run train-cnn --data ${options.data}\n`);
            exitCode = 2;
            return;
          }
          const suiteData = options.data;
          const { suiteCommand } = await import('./suite-command.js');
          exitCode = await suiteCommand(preset, { scale: options.scale, tags: options.tag, ...(suiteData && { data: suiteData }), ...(options.workers && { workers: options.workers }), ...(options.dataDir && { dataDir: options.dataDir }) }, io);
          return;
        }
      }
      const { runCommand } = await import('./run-command.js');
      exitCode = await runCommand(
        preset ?? '',
        {
          ...(spec && { spec }),
          ...(sweep && { sweep }),
          ...(options.seeds && { seeds: options.seeds }),
          scale: options.scale,
          set: options.set,
          json: Boolean(options.json),
          tags: options.tag,
          ...(options.data && { data: options.data }),
          ...(options.name && { name: options.name }),
          ...(options.workers && { workers: options.workers }),
          ...(options.dataDir && { dataDir: options.dataDir }),
        },
        io,
      );
    });

  program
    .command('models')
    .description('the model zoo with summaries (layers, output shapes, parameter counts), or one model')
    .argument('[id]', 'one model of the zoo, e.g. cnn-shallow')
    .option('--input <shape>', 'input shape of the CNNs, e.g. 32x32x3 or 28x28x1', inputShape, [32, 32, 3])
    .addOption(new Option('--format <format>', 'text: Keras-style table; json; torchsummary: the table torchsummary prints for the PyTorch equivalent').choices(['text', 'json', 'torchsummary']).default('text'))
    .option('--json', 'print JSON (as --format json)')
    .action(async (id: string | undefined, options: { input: number[]; format: 'text' | 'json' | 'torchsummary'; json?: boolean }) => {
      const { modelsCommand } = await import('./catalogue-commands.js');
      exitCode = modelsCommand(id, { input: options.input, format: options.json ? 'json' : options.format }, io);
    });

  program
    .command('presets')
    .description('the experiment catalogue: each preset with its knobs, their defaults per scale, and the expected time per scale')
    .option('--json', 'print JSON')
    .addOption(new Option('--data-dir <dir>', 'data directory whose own launches give the measured times (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (options: { json?: boolean; dataDir?: string }) => {
      const { presetListings, presetsText } = await import('./catalogue-commands.js');
      exitCode = await withStore('presets', 'input', options.dataDir, async (runtime) => {
        const listings = await presetListings(runtime.store, runtime.catalogue);
        io.out.write(options.json ? `${JSON.stringify(listings, null, 2)}\n` : presetsText(listings));
      });
    });

  /**
   * A command that reads the store: opens it (no recovery, no workers started), runs `body`, and
   * answers a NOT_FOUND as a usage error naming the argument (exit 2).
   */
  const withStore = async (command: string, argument: string, dataDir: string | undefined, body: (runtime: Awaited<ReturnType<typeof createRuntime>>) => Promise<void>): Promise<number> => {
    const runtime = await createRuntime({ recover: false, workers: 1, ...(dataDir && { dataDir }) });
    try {
      await body(runtime);
      return 0;
    } catch (error) {
      const { SaddleError } = await import('../errors.js');
      if (error instanceof SaddleError && error.extensions.code === 'NOT_FOUND') {
        io.err.write(`saddle ${command}: bad ${argument}: ${error.message}\n`);
        return 2;
      }
      throw error;
    } finally {
      await runtime.close();
    }
  };

  program
    .command('export')
    .description('everything of an experiment: specs, every metric point, analyses, final weights per layer, every snapshot’s values')
    .argument('<experimentId>')
    .addOption(new Option('--format <format>', 'json: everything; csv: every metric point').choices(['json', 'csv']).default('json'))
    .option('--out <file>', 'write here instead of stdout')
    .option('--no-snapshots', 'leave the snapshots’ values out (their steps and paths stay): smaller, but PCA and landscapes can no longer be recomputed from the file')
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (experimentId: string, options: { format: 'json' | 'csv'; out?: string; snapshots: boolean; dataDir?: string }) => {
      const { experimentExport, experimentMetricsCsv } = await import('../experiments/experiment.export.js');
      exitCode = await withStore('export', '<experimentId>', options.dataDir, async (runtime) => {
        const text =
          options.format === 'csv'
            ? await experimentMetricsCsv(runtime.store, experimentId)
            : `${JSON.stringify(await experimentExport(runtime.store, runtime.dataDir, experimentId, { snapshots: options.snapshots }))}\n`;
        if (options.out) writeFileSync(options.out, text);
        else io.out.write(text);
        // On stderr, so that stdout stays the document.
        io.err.write(`saddle export: ${formatBytes(Buffer.byteLength(text))}${options.format === 'json' && !options.snapshots ? ' (snapshot values left out)' : ''}\n`);
      });
    });

  program
    .command('findings')
    .description('the verdict of each HW1 claim from stored experiments, with its evidence (a Markdown table)')
    .argument('[experimentIds...]', 'experiments to judge (default: the newest finished experiment of each preset)')
    .addOption(new Option('--scale <scale>', 'only experiments of this scale (default: all scales)').choices([...SCALES]))
    .option('--tag <tag>', 'only experiments with this tag (default: all, tagged or not)')
    .option('--json', 'print JSON instead of Markdown')
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (ids: string[], options: { scale?: Scale; tag?: string; json?: boolean; dataDir?: string }) => {
      const { experimentFindings, findingsMarkdown, newestPerPreset } = await import('../findings/findings.service.js');
      exitCode = await withStore('findings', '<experimentIds>', options.dataDir, async (runtime) => {
        const chosen = ids.length > 0 ? ids : await newestPerPreset(runtime.store, options);
        const results = [];
        for (const id of chosen) results.push(await experimentFindings(runtime.store, id));
        io.out.write(options.json ? `${JSON.stringify(results, null, 2)}\n` : findingsMarkdown(results));
      });
    });

  program
    .command('figure')
    .description('draw an experiment’s figure to SVG or PNG without a browser (title, axes, legend); without <figureId>, list its figures')
    .argument('<experimentId>')
    .argument('[figureId]', 'a figure id from the list (e.g. loss, minimal-ratio)')
    .option('--out <file>', 'fig.svg or fig.png (by its extension)')
    .option('--view <id>', 'a paths or scatter figure’s view (listed with the figures; default its first)')
    .option('--width <px>', 'image width in pixels', positiveInteger, 800)
    .option('--height <px>', 'image height in pixels', positiveInteger, 500)
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (experimentId: string, figureId: string | undefined, options: { out?: string; view?: string; width: number; height: number; dataDir?: string }) => {
      const { figureCommand } = await import('./figure-command.js');
      let code = 0;
      exitCode = await withStore('figure', '<experimentId>', options.dataDir, async (runtime) => {
        code = await figureCommand(runtime.store, runtime.catalogue, experimentId, figureId, { width: options.width, height: options.height, ...(options.out && { out: options.out }), ...(options.view && { view: options.view }) }, io);
      });
      if (exitCode === 0) exitCode = code;
    });

  program
    .command('report')
    .description('the report of a suite (saddle run hw1) or of one experiment, from the stored data: Markdown with its figures beside it, one self-contained HTML file, or a PDF (Chromium)')
    .argument('<suiteOrExperimentId>', 'a suite’s or an experiment’s id, or latest: the newest suite')
    .addOption(new Option('--format <format>', 'md: PATH plus figures/*.svg|png beside it; html: one file, figures inlined; pdf: the HTML printed by Chromium').choices(['md', 'html', 'pdf']).default('md'))
    .requiredOption('--out <path>', 'the file to write, e.g. report.md, report.html, report.pdf')
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (id: string, options: { format: 'md' | 'html' | 'pdf'; out: string; dataDir?: string }) => {
      const { reportCommand } = await import('./report-command.js');
      const { createServices } = await import('../server.js');
      let code = 0;
      exitCode = await withStore('report', '<suiteOrExperimentId>', options.dataDir, async (runtime) => {
        const services = createServices(runtime, { queue: 'local', pubsub: 'memory', workers: 1 });
        code = await reportCommand(services.reports, services.suites, id, { format: options.format, out: options.out }, io);
      });
      if (exitCode === 0) exitCode = code;
    });

  program
    .command('plot')
    .description('a text plot of one run’s metric in the terminal, with its min, max and step range')
    .argument('<runId>')
    .argument('<metricKey>', 'e.g. train/loss')
    .option('--width <columns>', 'columns, labels included', positiveInteger, 80)
    .option('--height <rows>', 'rows of the plot', positiveInteger, 20)
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (runId: string, metricKey: string, options: { width: number; height: number; dataDir?: string }) => {
      const { plotCommand } = await import('./figure-command.js');
      let code = 0;
      exitCode = await withStore('plot', '<runId>', options.dataDir, async (runtime) => {
        code = await plotCommand(runtime.store, runId, metricKey, { width: options.width, height: options.height }, io);
      });
      if (exitCode === 0) exitCode = code;
    });

  program
    .command('analyze')
    .description('an analysis of a run at its final weights (or between two runs: --kind interpolation), computed by a local worker and stored on the run (the API: analyzeRun, analyzeRuns)')
    .argument('<runId>', 'a run with final weights (saddle show <experimentId> lists runs); the first run (α = 0) of an interpolation')
    .argument('[otherRunId]', 'interpolation: the second run (α = 1), of the same model')
    .addOption(new Option('--kind <kind>', 'which analysis').choices(['hessian', 'landscape', 'sensitivity', 'sharpness', 'interpolation']).default('hessian'))
    .addOption(new Option('--method <method>', 'hessian: exact (every eigenvalue), lanczos (top/bottom-k and a Hutchinson trace), or auto').choices(['auto', 'exact', 'lanczos']))
    .option('--top-k <n>', 'hessian, lanczos: largest eigenvalues', positiveInteger)
    .option('--bottom-k <n>', 'hessian, lanczos: smallest eigenvalues', positiveInteger)
    .option('--max-exact-params <n>', 'hessian, auto: exact up to this many parameters (default 2000)', positiveInteger)
    .addOption(new Option('--plane <plane>', 'landscape: random (filter-normalised) or pca (the trajectory’s; needs ≥ 3 weight snapshots)').choices(['random', 'pca']))
    .addOption(new Option('--dims <n>', 'landscape: 1 (a line) or 2 (a plane; default)').choices(['1', '2']).argParser((v) => Number(v) as 1 | 2))
    .option('--resolution <n>', 'landscape: points per axis (default 21 in 2-D, 41 in 1-D)', positiveInteger)
    .option('--span <x>', 'landscape: each axis spans [−x, x] (default 1)', finiteNumber)
    .addOption(new Option('--output <output>', 'sensitivity: differentiate softmax or logits (default softmax for cross-entropy, logits for MSE)').choices(['softmax', 'logits']))
    .option('--epsilon <x>', 'sharpness: the box half-width ε, relative to |θ| + 1 (default 0.001)', finiteNumber)
    .option('--max-steps <n>', 'sharpness: ascent steps at most per radius (default 100)', positiveInteger)
    .option('--points <n>', 'interpolation: α values (default 21; 0 and 1 always added)', positiveInteger)
    .option('--alpha-min <x>', 'interpolation: the first α (default −0.5)', finiteNumber)
    .option('--alpha-max <x>', 'interpolation: the last α (default 1.5)', finiteNumber)
    .option('--seed <n>', 'hessian: Lanczos/Hutchinson probes; landscape: the random directions (default 0)', positiveIntegerOrZero)
    .option('--examples <n>', 'training examples the loss averages over (default all)', positiveInteger)
    .option('--json', 'print JSON')
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (runId: string, otherRunId: string | undefined, options: import('./analyze-command.js').AnalyzeCommandOptions & { dataDir?: string }) => {
      const { analyzeCommand } = await import('./analyze-command.js');
      let code = 0;
      const { dataDir, ...rest } = options;
      exitCode = await withStore('analyze', '<runId>', dataDir, async (runtime) => {
        code = await analyzeCommand(runtime, runId, rest, io, otherRunId);
      });
      if (exitCode === 0) exitCode = code;
    });

  // list / show / cancel / delete: the store of --data-dir, or a running server with --url.
  const experimentOperation = (name: 'list' | 'show' | 'cancel' | 'delete', description: string) => {
    const command = program.command(name).description(description);
    if (name !== 'list') command.argument('<id>', 'an experiment id (saddle list shows them)');
    else command.option('--first <n>', 'how many, newest first', positiveInteger, 20);
    return command
      .option('--url <url>', 'a running server (e.g. http://127.0.0.1:4000) instead of the store; $SADDLE_TOKEN is sent as the bearer token')
      .option('--json', 'print JSON')
      .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
      .action(async (...args: unknown[]) => {
        const id = name === 'list' ? undefined : (args[0] as string);
        const options = (name === 'list' ? args[0] : args[1]) as { url?: string; json?: boolean; first?: number; dataDir?: string };
        const { experimentCommand } = await import('./experiment-commands.js');
        exitCode = await experimentCommand(name, id, options, io);
      });
  };
  experimentOperation('list', 'the experiments, newest first: id, status, runs done, created, preset');
  experimentOperation('show', 'one experiment: status, and each run with its progress and final metrics');
  experimentOperation('cancel', 'cancel an experiment’s queued and running runs (runs keep their points)');
  experimentOperation('delete', 'delete an experiment with its runs, points, figures and weight files');

  const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
  program
    .command('runs')
    .description('runs across every experiment (Query.runs), filtered by config, final metrics, status, tags, … and sorted: e.g. --where config.optimizer.lr>=1e-3 --sort final.test/loss')
    .option('--where <condition>', 'FIELD OP VALUE, repeatable, all must hold: config.<path> or final.<key> with >= <= != ~ (contains) = > < (a=x,y: one of them); status=, tag=, preset=, experiment=<id>, origin=preset|spec|external, project=, text=, after=<date>, before=<date>', collect, [])
    .option('--sort <field>', 'createdAt, finishedAt, key, status, experiment, config.<path> or final.<key>; -field for descending; repeatable (default newest first)', collect, [])
    .option('--first <n>', 'how many (at most 1000)', positiveInteger, 20)
    .option('--url <url>', 'a running server (e.g. http://127.0.0.1:4000) instead of the store; $SADDLE_TOKEN is sent as the bearer token')
    .option('--json', 'print JSON')
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (options: import('./runs-command.js').RunsCommandOptions) => {
      exitCode = await (await import('./runs-command.js')).runsCommand(options, io);
    });

  const data = program.command('data').description('datasets registered by name from your files, for specs as data: {kind: "dataset", name}');
  data
    .command('add')
    .argument('<name>', "the dataset's name (letters, digits, '.', '_', '-')")
    .argument('<path>', 'a .csv, .npy, .npz, a .zip of an image folder, or a folder with one sub-folder of PNG/JPEG images per class')
    .option('--target <column>', 'CSV: the target column (name or 0-based index; default the last)')
    .addOption(new Option('--task <task>', 'CSV: classification or regression (default: classification when a target is not a number)').choices(['classification', 'regression']))
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (name: string, path: string, options: { target?: string; task?: 'classification' | 'regression'; dataDir?: string }) => {
      exitCode = await (await import('./data-command.js')).dataAdd(name, path, options, io);
    });
  data
    .command('list')
    .description('every registered dataset: examples, shape, classes with their counts')
    .option('--json', 'print JSON')
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (options: { json?: boolean; dataDir?: string }) => {
      exitCode = await (await import('./data-command.js')).dataList(options, io);
    });
  data
    .command('rm')
    .argument('<name>', 'the dataset to remove')
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (name: string, options: { dataDir?: string }) => {
      exitCode = await (await import('./data-command.js')).dataRemove(name, options, io);
    });
  const token = program.command('token').description('bearer tokens for scripts and the dashboard');
  token
    .command('create')
    .description('create a token (shown once; only its hash is stored)')
    .addOption(new Option('--scope <scope>', 'read: queries and subscriptions; write: also mutations').choices(['read', 'write']).makeOptionMandatory())
    .option('--name <name>', 'what the token is for')
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (options: { scope: 'read' | 'write'; name?: string; dataDir?: string }) => {
      const runtime = await createRuntime({ recover: false, workers: 1, ...(options.dataDir && { dataDir: options.dataDir }) });
      try {
        const { createToken } = await import('../auth/token.service.js');
        const { token: secret, record } = await createToken(runtime.store, options.scope, options.name);
        io.err.write(`created ${record.scope} token ${record.id}${options.name ? ` (${options.name})` : ''}; it is shown once:\n`);
        io.out.write(`${secret}\n`);
      } finally {
        await runtime.close();
      }
    });
  token
    .command('list')
    .description('every token: id, name, scope, created, last used, revoked (never the secret: only its hash is stored)')
    .option('--json', 'print JSON')
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (options: { json?: boolean; dataDir?: string }) => {
      const { tokensText } = await import('./token-list.js');
      exitCode = await withStore('token list', 'input', options.dataDir, async (runtime) => {
        const tokens = await runtime.store.listTokens();
        io.out.write(options.json ? `${JSON.stringify(tokens, null, 2)}\n` : tokensText(tokens));
      });
    });
  token
    .command('revoke')
    .argument('<id>', 'the token id (the part after sdl_, before the next _)')
    .addOption(new Option('--data-dir <dir>', 'data directory (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (id: string, options: { dataDir?: string }) => {
      const runtime = await createRuntime({ recover: false, workers: 1, ...(options.dataDir && { dataDir: options.dataDir }) });
      try {
        if (!(await runtime.store.revokeToken(id))) {
          io.err.write(`saddle token revoke: bad <id>: no token ${JSON.stringify(id)}\n`);
          exitCode = 2;
        }
      } finally {
        await runtime.close();
      }
    });

  program
    .command('worker')
    .description('take jobs from the BullMQ queue on $SADDLE_REDIS_URL (scale-out mode)')
    .option('--concurrency <n>', 'jobs at once in this process', positiveInteger, 1)
    .addOption(new Option('--data-dir <dir>', 'data directory shared with the API (default $SADDLE_DATA_DIR or ./.saddle)'))
    .action(async (options: { concurrency: number; dataDir?: string }) => {
      const url = process.env.SADDLE_REDIS_URL;
      if (!url) {
        io.err.write('saddle worker: SADDLE_REDIS_URL is not set (the local queue needs no separate workers)\n');
        exitCode = 2;
        return;
      }
      const { startBullWorker } = await import('../worker/bull-worker.js');
      const runtime = await createRuntime({ recover: false, ...(options.dataDir && { dataDir: options.dataDir }) });
      const worker = await startBullWorker({ url, store: runtime.store, dataDir: runtime.dataDir, catalogue: runtime.catalogue, concurrency: options.concurrency, ...(runtime.redis && { namespace: runtime.redis.namespace }) });
      io.err.write(`saddle worker: taking jobs from ${url}\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await worker.close();
      await runtime.close();
    });

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every usage error (unknown option, bad value, missing argument) is 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    // A store that cannot be opened is explained in full (path and fix): no stack.
    const { StoreOpenError } = await import('../store/storage-errors.js');
    if (error instanceof StoreOpenError) io.err.write(`saddle: ${error.message}.\n`);
    else io.err.write(`saddle: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/**
 * `saddle run --spec file.json`: the file's RunSpec, or null (after saying why) when it cannot be
 * read, is not a JSON object, or comes with a preset's own flags (<preset>, --data, --scale): a
 * spec's values belong in the file, or in --set, --sweep and --seeds.
 */
function readSpecFile(file: string, preset: string | undefined, command: Command, io: CliIo): { file: string; value: Record<string, unknown> } | null {
  const presetFlags = ['data', 'scale'].filter((flag) => command.getOptionValueSource(flag) === 'cli');
  if (preset !== undefined || presetFlags.length > 0) {
    const given = [...(preset !== undefined ? [`<preset> ${JSON.stringify(preset)}`] : []), ...presetFlags.map((flag) => `--${flag}`)];
    io.err.write(`saddle run: bad --spec: it runs a RunSpec and takes no ${given.join(', ')}; put those values in ${file} (or --set PATH=VALUE, --sweep, --seeds)\n`);
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    io.err.write(`saddle run: bad --spec ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    io.err.write(`saddle run: bad --spec ${file}: expected a JSON object (a RunSpec such as {"model": {"name": "m", "layers": [{"type": "dense", "units": 1}]}, "epochs": 5}), got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}\n`);
    return null;
  }
  return { file, value: value as Record<string, unknown> };
}

/** The version of @saddle/api (the package that ships the CLI); read from src/ and dist/ alike. */
function saddleVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return `saddle ${typeof pkg.version === 'string' ? pkg.version : 'unknown'}`;
}

/** 1234567 → "1.2 MB" (powers of 1000, as `ls -h --si`). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
