/**
 * A run's artifacts over HTTP (issue 14): scripts upload final weights and any other file for
 * the runs they log; anyone who may read downloads any run's weights (a trained run's too) and
 * files. Files live under the data directory, beside the weights workers write:
 * `artifacts/<runId>/final.bin` and `artifacts/<runId>/files/<name>`.
 *
 * Weights are Saddle's layout (store/artifact-files.ts): float32 little-endian, the flat
 * parameters θ in the order of the model spec's layers, then the non-trainable state (batch-norm
 * running statistics); the two lengths come as query parameters on upload and as headers on
 * download, and are stored like a trained run's, so analyses and `saddle export` read them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LIMITS } from '../common/limits.js';
import { BadInputError, ConflictError, ErrorCode, LimitExceededError, SaddleError } from '../errors.js';
import type { RunService } from '../runs/run.service.js';
import { getRunFile, putRunFile, replaceFinalWeights, runFilesOf, weightFilesOf, type WeightFileRecord } from '../store/run-files.js';
import { touchHeartbeat } from '../store/run-liveness.js';
import type { Store } from '../store/store.js';

export type ArtifactKind = 'weights' | 'snapshot' | 'file';

export interface ArtifactEntry {
  /** The name in its URL: `weights`, `snapshot-<step>` or the uploaded file's name. */
  name: string;
  kind: ArtifactKind;
  size: number;
  contentType: string;
  sha256: string | null;
  step: number | null;
  epoch: number | null;
  thetaLength: number | null;
  stateLength: number | null;
  createdAt: number;
  /** Path of its download, relative to the server's origin. */
  url: string;
}

export interface UploadOptions {
  contentType?: string | undefined;
  /** Content-Length, when announced: refused at once above the limit. */
  contentLength?: number | undefined;
  /** For `weights`: lengths of θ and of the state (default 0), and where they were taken. */
  thetaLength?: string | undefined;
  stateLength?: string | undefined;
  step?: string | undefined;
  epoch?: string | undefined;
}

/** The name weights are uploaded and downloaded as. */
export const WEIGHTS_NAME = 'weights';
const SNAPSHOT_NAME = /^snapshot-(\d+)$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export class ArtifactService {
  constructor(private readonly deps: { store: Store; dataDir: string; runs: RunService }) {}

  async list(runId: string): Promise<ArtifactEntry[]> {
    const { store } = this.deps;
    const weights = (await weightFilesOf(store, runId)).map((w) => weightEntry(w));
    const files = (await runFilesOf(store, runId)).map(
      (f): ArtifactEntry => ({
        name: f.name,
        kind: 'file',
        size: f.size,
        contentType: f.contentType,
        sha256: f.sha256,
        step: null,
        epoch: null,
        thetaLength: null,
        stateLength: null,
        createdAt: f.createdAt,
        url: artifactUrl(runId, f.name),
      }),
    );
    // The final weights first, then snapshots by step, then files by name.
    return [...weights.filter((w) => w.kind === 'weights'), ...weights.filter((w) => w.kind === 'snapshot'), ...files];
  }

  /** The artifact and its file on disk; NOT_FOUND naming what exists when there is no such one. */
  async open(runId: string, name: string): Promise<{ entry: ArtifactEntry; file: string }> {
    await this.deps.runs.require(runId);
    const entries = await this.list(runId);
    const entry = entries.find((e) => e.name === name);
    const path = !entry
      ? undefined
      : entry.kind === 'file'
        ? (await getRunFile(this.deps.store, runId, name))?.path
        : (await weightFilesOf(this.deps.store, runId)).find((w) => weightEntry(w).name === name)?.path;
    if (!entry || !path) {
      const names = entries.map((e) => e.name);
      const has = names.length > 0 ? `it has ${names.join(', ')}` : 'it has none';
      throw new SaddleError(ErrorCode.NOT_FOUND, `run ${runId} has no artifact ${JSON.stringify(name)}; ${has} (Run.artifacts lists them)`, { kind: 'Artifact', id: `${runId}/${name}` });
    }
    return { entry, file: join(this.deps.dataDir, path) };
  }

  /**
   * Streams an upload to a temporary file (size-capped, hashed on the way), then renames it into
   * place and records it: a failed or refused upload leaves nothing behind, and a file uploaded
   * again replaces the old one.
   */
  async upload(runId: string, name: string, body: Readable, options: UploadOptions): Promise<ArtifactEntry> {
    const { store, dataDir } = this.deps;
    const run = await this.deps.runs.require(runId);
    if (!run.external) throw new ConflictError(`run ${runId} is trained by Saddle's workers, which store its weights; upload files to a run made by createRun`);
    if (SNAPSHOT_NAME.test(name)) throw new BadInputError(`${JSON.stringify(name)} is reserved for snapshots Saddle's workers write`, ['name'], 'another name, or `weights` for final weights');
    if (!FILE_NAME.test(name)) throw new BadInputError(`artifact name ${JSON.stringify(name)} is not allowed`, ['name'], '1–128 of A–Z a–z 0–9 . _ -, not starting with . _ or -');
    const weights = name === WEIGHTS_NAME ? weightLengths(options) : undefined;
    if (options.contentLength !== undefined && options.contentLength > LIMITS.artifactBytesMax) {
      throw new LimitExceededError('an uploaded artifact (bytes)', LIMITS.artifactBytesMax, options.contentLength);
    }
    const relative = weights ? join('artifacts', runId, 'final.bin') : join('artifacts', runId, 'files', name);
    mkdirSync(join(dataDir, relative, '..'), { recursive: true });
    const temporary = join(dataDir, `${relative}.${randomUUID()}.upload`);
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > LIMITS.artifactBytesMax) done(new LimitExceededError('an uploaded artifact (bytes)', LIMITS.artifactBytesMax, size));
        else {
          hash.update(chunk);
          done(null, chunk);
        }
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(temporary));
      if (weights) {
        const expected = (weights.thetaLength + weights.stateLength) * 4;
        if (size !== expected) {
          throw new BadInputError(
            `weights must be ${expected} bytes (float32 little-endian: thetaLength ${weights.thetaLength} + stateLength ${weights.stateLength} values × 4), got ${size}`,
            ['body'],
            'the float32 values of θ followed by the state, little-endian',
          );
        }
      }
      renameSync(temporary, join(dataDir, relative));
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    if (weights) {
      await replaceFinalWeights(store, { id: randomUUID(), runId, path: relative, ...weights });
    } else {
      await putRunFile(store, { runId, name, path: relative, size: statSync(join(dataDir, relative)).size, sha256: hash.digest('hex'), contentType: options.contentType || 'application/octet-stream' });
    }
    await touchHeartbeat(store, runId);
    const entry = (await this.list(runId)).find((e) => e.name === name);
    if (!entry) throw new Error(`ArtifactService.upload: ${runId}/${name} was stored but is not listed`);
    return entry;
  }
}

export function artifactUrl(runId: string, name: string): string {
  return `/artifacts/runs/${encodeURIComponent(runId)}/${encodeURIComponent(name)}`;
}

function weightEntry(w: WeightFileRecord): ArtifactEntry {
  const name = w.kind === 'final' ? WEIGHTS_NAME : `snapshot-${w.step}`;
  return {
    name,
    kind: w.kind === 'final' ? 'weights' : 'snapshot',
    size: (w.thetaLength + w.stateLength) * 4,
    contentType: 'application/octet-stream',
    sha256: null,
    step: w.step,
    epoch: w.epoch,
    thetaLength: w.thetaLength,
    stateLength: w.stateLength,
    createdAt: w.createdAt,
    url: artifactUrl(w.runId, name),
  };
}

function weightLengths(options: UploadOptions): { thetaLength: number; stateLength: number; step: number; epoch: number } {
  const integer = (raw: string | undefined, field: string, fallback: number | undefined): number => {
    if (raw === undefined || raw === '') {
      if (fallback !== undefined) return fallback;
      throw new BadInputError(`uploading weights needs ?${field}=<number of float32 values of θ>`, [field], 'an integer ≥ 1');
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new BadInputError(`${field} must be an integer ≥ 0, got ${JSON.stringify(raw)}`, [field], 'an integer ≥ 0');
    return value;
  };
  const thetaLength = integer(options.thetaLength, 'thetaLength', undefined);
  if (thetaLength === 0) throw new BadInputError('thetaLength must be at least 1', ['thetaLength'], 'an integer ≥ 1');
  const epoch = options.epoch === undefined || options.epoch === '' ? 0 : Number(options.epoch);
  if (!Number.isFinite(epoch) || epoch < 0) throw new BadInputError(`epoch must be a number ≥ 0, got ${JSON.stringify(options.epoch)}`, ['epoch'], 'a number ≥ 0');
  return { thetaLength, stateLength: integer(options.stateLength, 'stateLength', 0), step: integer(options.step, 'step', 0), epoch };
}
