import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../store/store.js';
import { tempDir } from '../test-utils/temp.js';
import { experimentFindings } from './findings.service.js';

describe('experimentFindings', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('times an experiment from its first run’s start, not from its creation (a suite queues its experiments at once)', async () => {
    const store = await Store.open({ kind: 'sqlite', file: join(dir.path, 'saddle.db') });
    try {
      await store.createExperiment({ id: 'e1', name: 'queued behind others', project: null, preset: 'fit-function', scale: 'quick', origin: 'preset', spec: {}, status: 'QUEUED', analysisStatus: 'PENDING', tags: [] }, [
        { id: 'r1', key: 'a', group: 'a', config: {}, rawConfig: {}, spec: null, external: false, status: 'QUEUED' },
        { id: 'r2', key: 'b', group: 'b', config: {}, rawConfig: {}, spec: null, external: false, status: 'QUEUED' },
      ]);
      const created = (await store.getExperiment('e1'))!.createdAt;
      // 20 minutes in the queue, then the two runs start 3 s apart and the analysis ends 60 s after the first
      await store.transitionRun('r1', ['QUEUED'], { status: 'RUNNING', startedAt: created + 1_200_000 });
      await store.transitionRun('r2', ['QUEUED'], { status: 'RUNNING', startedAt: created + 1_203_000 });
      expect((await experimentFindings(store, 'e1')).wallSeconds).toBeNull();
      await store.updateExperiment('e1', { status: 'SUCCEEDED', finishedAt: created + 1_260_000 });
      expect((await experimentFindings(store, 'e1')).wallSeconds).toBe(60);
    } finally {
      await store.close();
    }
  });
});
