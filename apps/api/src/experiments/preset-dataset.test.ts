/**
 * launchExperiment's `dataset`: a registered dataset on a classification preset. An image set
 * trains train-cnn with one logit per class; a missing name, a regression set, a table for the
 * CNNs, a function preset, a spec launch and data + dataset together are refused, naming
 * input.dataset and the fix, with nothing stored.
 */
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetService } from '../datasets/dataset.service.js';
import { startTestServer, type TestServer } from '../test-utils/server.js';

const LAUNCH = `mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { id spec runs { config spec } } }`;

let server: TestServer;

function png(value: number): Uint8Array {
  const image = new PNG({ width: 28, height: 28 });
  for (let p = 0; p < 28 * 28; p++) image.data.set([value, value, value, 255], p * 4);
  return new Uint8Array(PNG.sync.write(image));
}

beforeAll(async () => {
  server = await startTestServer({ workers: 0 });
  const datasets = new DatasetService({ dataDir: server.dataDir });
  const zip = zipSync({ 'shapes/circle/a.png': png(0), 'shapes/circle/b.png': png(20), 'shapes/square/c.png': png(200), 'shapes/square/d.png': png(220), 'shapes/star/e.png': png(120) });
  datasets.addBytes('shapes', 'shapes.zip', zip);
  datasets.addBytes('plane', 'plane.csv', new TextEncoder().encode('x1,x2,y\n0,1,0.5\n1,0,1.5\n1,1,2.5\n0,0,0.25\n'));
  datasets.addBytes('iris', 'iris.csv', new TextEncoder().encode('a,b,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n'));
});
afterAll(async () => {
  await server?.close();
});

async function refusal(input: Record<string, unknown>) {
  const answer = await server.run(LAUNCH, { input });
  expect(answer.data).toBeNull();
  const error = answer.errors?.[0];
  expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'dataset'] });
  return error!.message;
}

describe('launchExperiment with a registered dataset', () => {
  it('trains a classification preset on an image set, one logit per class', async () => {
    const answer = await server.run<{ launchExperiment: { spec: Record<string, unknown>; runs: { config: Record<string, unknown>; spec: { data: unknown; model: { layers: { type: string; units?: number }[] } } }[] } }>(LAUNCH, {
      input: { preset: 'train-cnn', dataset: 'shapes' },
    });
    expect(answer.errors).toBeUndefined();
    const experiment = answer.data!.launchExperiment;
    expect(experiment.spec).toMatchObject({ preset: 'train-cnn', dataset: 'shapes' });
    expect(experiment.runs.length).toBeGreaterThan(0);
    for (const run of experiment.runs) {
      expect(run.spec.data).toMatchObject({ kind: 'dataset', name: 'shapes', inputShape: [28, 28, 1], numClasses: 3 });
      expect(run.spec.model.layers.at(-1)).toMatchObject({ type: 'dense', units: 3 });
      expect(run.config).toMatchObject({ data: 'shapes' });
    }
  });

  it('refuses what does not exist or does not fit, with the fix, storing nothing', async () => {
    const before = (await server.run<{ experiments: { totalCount: number } }>('{ experiments { totalCount } }')).data!.experiments.totalCount;
    expect(await refusal({ preset: 'train-cnn', dataset: 'nope' })).toMatch(/no dataset named 'nope'; registered: iris, plane, shapes \(add one with `saddle data add nope <file>`/);
    expect(await refusal({ preset: 'train-cnn', dataset: 'plane' })).toMatch(/dataset 'plane' is a regression set .*--task classification/);
    expect(await refusal({ preset: 'train-cnn', dataset: 'iris' })).toMatch(/dataset 'iris' \(examples of shape \[2\]\) does not fit .*need images \[height, width, channels\]/);
    expect(await refusal({ preset: 'fit-function', dataset: 'shapes' })).toMatch(/trains on function data, so dataset 'shapes' does not apply/);
    expect(await refusal({ preset: 'train-cnn', data: 'CIFAR10', dataset: 'shapes' })).toMatch(/either input.data \(cifar10\) or input.dataset \(shapes\)/);
    expect(await refusal({ spec: { model: { name: 'm', layers: [{ type: 'dense', units: 1 }] } }, dataset: 'shapes' })).toMatch(/spec.data: \{ "kind": "dataset", "name": "shapes" \}/);
    expect((await server.run<{ experiments: { totalCount: number } }>('{ experiments { totalCount } }')).data!.experiments.totalCount).toBe(before);
  });
});
