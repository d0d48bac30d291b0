/**
 * `saddle data add NAME PATH | list | rm NAME`: the dataset registry of a data directory, on
 * this machine (the same files `POST /datasets/:name` and Query.datasets use; a running server
 * sees them at once). Exit 0 done, 2 a bad file or name, with the registry's message.
 */
import type { DatasetMeta } from '@saddle/engine';
import type { CliIo } from './run-command.js';

async function registry(dataDir: string | undefined) {
  const { resolveDataDir } = await import('../runtime.js');
  const { DatasetService } = await import('../datasets/dataset.service.js');
  return new DatasetService({ dataDir: resolveDataDir(dataDir) });
}

/** One line per dataset: name, examples, shape, task and class counts. */
export function datasetLine(meta: DatasetMeta): string {
  const task = meta.numClasses > 0 ? `${meta.numClasses} classes (${meta.classNames.map((c, i) => `${c}: ${meta.classCounts[i] ?? 0}`).join(', ')})` : 'regression';
  return `${meta.name}  ${meta.n} examples of [${meta.inputShape.join(', ')}]  ${task}  ${meta.format} from ${meta.source}`;
}

export async function dataAdd(name: string, path: string, options: { dataDir?: string; target?: string; task?: 'classification' | 'regression' }, io: CliIo): Promise<number> {
  const datasets = await registry(options.dataDir);
  try {
    const meta = datasets.addPath(name, path, { ...(options.target && { target: options.target }), ...(options.task && { task: options.task }) });
    io.out.write(`registered ${datasetLine(meta)}\nuse it in a spec as "data": { "kind": "dataset", "name": "${meta.name}" }\n`);
    return 0;
  } catch (error) {
    io.err.write(`saddle data add: ${(error as Error).message}\n`);
    return 2;
  }
}

export async function dataList(options: { dataDir?: string; json?: boolean }, io: CliIo): Promise<number> {
  const datasets = await registry(options.dataDir);
  const all = datasets.list();
  if (options.json) io.out.write(`${JSON.stringify(all, null, 2)}\n`);
  else io.out.write(all.length === 0 ? `no datasets in ${datasets.dir}; add one with saddle data add NAME FILE\n` : `${all.map(datasetLine).join('\n')}\n`);
  return 0;
}

export async function dataRemove(name: string, options: { dataDir?: string }, io: CliIo): Promise<number> {
  const datasets = await registry(options.dataDir);
  try {
    datasets.remove(name);
    io.out.write(`removed dataset ${name}\n`);
    return 0;
  } catch (error) {
    io.err.write(`saddle data rm: bad <name>: ${(error as Error).message}\n`);
    return 2;
  }
}
