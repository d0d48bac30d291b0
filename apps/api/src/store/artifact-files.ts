/**
 * Weight files under the data directory: `artifacts/<runId>/<name>.bin`, the float32 parameters θ
 * followed by the float32 non-trainable state (batch-norm running statistics), little-endian.
 * The store's `artifacts` table records each file with the two lengths needed to split it.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeWeights(dataDir: string, runId: string, name: string, theta: Float32Array, state: Float32Array): string {
  const relative = join('artifacts', runId, `${name}.bin`);
  mkdirSync(join(dataDir, 'artifacts', runId), { recursive: true });
  const bytes = new Uint8Array((theta.length + state.length) * 4);
  const view = new DataView(bytes.buffer);
  theta.forEach((v, i) => view.setFloat32(i * 4, v, true));
  state.forEach((v, i) => view.setFloat32((theta.length + i) * 4, v, true));
  writeFileSync(join(dataDir, relative), bytes);
  return relative;
}

export function readWeights(dataDir: string, relative: string, thetaLength: number, stateLength: number): { theta: Float32Array; state: Float32Array } {
  const buffer = readFileSync(join(dataDir, relative));
  const expected = (thetaLength + stateLength) * 4;
  if (buffer.byteLength !== expected) {
    throw new Error(`readWeights: ${relative} has ${buffer.byteLength} bytes, expected ${expected}`);
  }
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const theta = new Float32Array(thetaLength);
  const state = new Float32Array(stateLength);
  for (let i = 0; i < thetaLength; i++) theta[i] = view.getFloat32(i * 4, true);
  for (let i = 0; i < stateLength; i++) state[i] = view.getFloat32((thetaLength + i) * 4, true);
  return { theta, state };
}

export function removeRunArtifacts(dataDir: string, runId: string): void {
  rmSync(join(dataDir, 'artifacts', runId), { recursive: true, force: true });
}

/**
 * Writes a run's checkpoint bytes as `artifacts/<runId>/checkpoint-<step>.bin`, through a
 * temporary file and a rename, so a process killed mid-write never leaves a torn checkpoint.
 */
export function writeCheckpointFile(dataDir: string, runId: string, step: number, bytes: Uint8Array): string {
  const relative = join('artifacts', runId, `checkpoint-${String(step).padStart(9, '0')}.bin`);
  mkdirSync(join(dataDir, 'artifacts', runId), { recursive: true });
  const temporary = join(dataDir, `${relative}.${process.pid}.tmp`);
  writeFileSync(temporary, bytes);
  renameSync(temporary, join(dataDir, relative));
  return relative;
}

export function readArtifactFile(dataDir: string, relative: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dataDir, relative)));
}

export function removeArtifactFile(dataDir: string, relative: string): void {
  rmSync(join(dataDir, relative), { force: true });
}
