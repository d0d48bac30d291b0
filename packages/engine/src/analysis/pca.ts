import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { ParamInfo } from '../models/model.types.js';

/** One training run's snapshots, oldest first. */
export interface TrajectoryInput {
  label: string;
  runKey?: string;
  /** θ at each snapshot (flat, all parameters). */
  snapshots: ArrayLike<number>[];
  /** Epoch of each snapshot; the index when absent. */
  epochs?: number[];
  /** Loss / accuracy at each snapshot, carried onto the path's points for tooltips and colour. */
  losses?: number[];
  accuracies?: number[];
}

export interface PcaOptions {
  /** Principal components kept. Default 2. */
  components?: number;
  /** Restrict to one layer's parameters (ParamInfo.layerName), e.g. `dense_1`; needs `params`. */
  layer?: string;
  params?: readonly ParamInfo[];
  /** Also return the unit principal directions (components × dimension), e.g. for a landscape plane. */
  includeDirections?: boolean;
}

export interface PcaPathPoint {
  x: number;
  y: number;
  /** All kept coordinates (x, y are the first two). */
  coordinates: number[];
  epoch: number;
  loss?: number;
  accuracy?: number;
}

export interface PcaResult {
  /** The layer analysed, or null for the whole model. */
  layer: string | null;
  /** Number of coordinates analysed (P for the whole model). */
  dimension: number;
  numPoints: number;
  components: number;
  /** Fraction of the total variance along each kept axis (descending). */
  explainedVarianceRatio: number[];
  /** Sample variance (÷ (N − 1)) along each kept axis. */
  explainedVariance: number[];
  /** Σ over coordinates of their sample variance: all axes' explainedVariance would sum to this. */
  totalVariance: number;
  paths: { label: string; runKey?: string; points: PcaPathPoint[] }[];
  /**
   * Unit principal directions in the analysed coordinates, sign fixed so that each direction's
   * largest-magnitude entry is positive (so reruns agree); only with `includeDirections`.
   */
  directions?: number[][];
  /** Mean of all snapshots in the analysed coordinates; only with `includeDirections`. */
  mean?: number[];
}

/** Indices of θ that belong to `layer` (all of them for the whole model). */
export function selectCoordinates(numParams: number, layer: string | undefined, params: readonly ParamInfo[] | undefined): Int32Array {
  if (layer === undefined) return Int32Array.from({ length: numParams }, (_, i) => i);
  if (params === undefined) throw new Error(`Error in pcaOfTrajectories: options.params is required to select layer '${layer}'.`);
  const selected = params.filter((p) => p.layerName === layer);
  if (selected.length === 0) {
    const names = [...new Set(params.map((p) => p.layerName))].join(', ');
    throw new Error(`Error in pcaOfTrajectories: options.layer '${layer}' matches no parameter; layers are ${names}.`);
  }
  const indices: number[] = [];
  for (const p of selected) for (let i = 0; i < p.size; i++) indices.push(p.offset + i);
  return Int32Array.from(indices);
}

/**
 * One PCA over the snapshots of all runs together (so every run's path lives in the same
 * axes), by the Gram-matrix trick: with N snapshots ≪ P coordinates, the eigenvectors of the
 * N × N matrix X Xᵀ of the centred stack give the principal axes without ever forming a P × P
 * covariance. Float64 throughout.
 */
export function pcaOfTrajectories(runs: TrajectoryInput[], options: PcaOptions = {}): PcaResult {
  const components = options.components ?? 2;
  if (runs.length === 0) throw new Error('Error in pcaOfTrajectories: runs must not be empty.');
  const numParams = runs[0]!.snapshots[0]?.length;
  if (numParams === undefined) throw new Error('Error in pcaOfTrajectories: runs[0].snapshots must not be empty.');
  runs.forEach((run, r) =>
    run.snapshots.forEach((s, t) => {
      if (s.length !== numParams) {
        throw new Error(`Error in pcaOfTrajectories: runs[${r}].snapshots[${t}] has ${s.length} values, expected ${numParams}.`);
      }
    }),
  );
  const coordinates = selectCoordinates(numParams, options.layer, options.params);
  const d = coordinates.length;
  const rows = runs.flatMap((run) => run.snapshots);
  const n = rows.length;
  if (!Number.isInteger(components) || components < 1 || components > n) {
    throw new Error(`Error in pcaOfTrajectories: options.components must be an integer in [1, ${n}] (the number of snapshots), but got ${components}.`);
  }

  const mean = new Float64Array(d);
  const x = rows.map((row) => {
    const selected = new Float64Array(d);
    for (let i = 0; i < d; i++) selected[i] = row[coordinates[i]!]!;
    for (let i = 0; i < d; i++) mean[i]! += selected[i]! / n;
    return selected;
  });
  for (const row of x) for (let i = 0; i < d; i++) row[i]! -= mean[i]!;

  const gram = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let a = 0; a < n; a++) {
    const rowA = x[a]!;
    for (let b = 0; b <= a; b++) {
      const rowB = x[b]!;
      let sum = 0;
      for (let i = 0; i < d; i++) sum += rowA[i]! * rowB[i]!;
      gram[a]![b] = sum;
      gram[b]![a] = sum;
    }
  }
  const totalSquares = gram.reduce((s, row, i) => s + row[i]!, 0);
  const decomposition = new EigenvalueDecomposition(new Matrix(gram), { assumeSymmetric: true });
  const order = decomposition.realEigenvalues.map((value, index) => ({ value, index })).sort((p, q) => q.value - p.value);
  const vectors = decomposition.eigenvectorMatrix;

  const projections: number[][] = []; // [component][point]
  const directions: number[][] = [];
  const variances: number[] = [];
  const ratios: number[] = [];
  for (let c = 0; c < components; c++) {
    const { value, index } = order[c]!;
    // Round-off makes null eigenvalues slightly negative; and an axis with ~no variance has no direction.
    const lambda = value > 1e-12 * totalSquares ? value : 0;
    const w = vectors.getColumn(index);
    const direction = new Float64Array(d);
    if (lambda > 0) {
      const scale = 1 / Math.sqrt(lambda);
      for (let p = 0; p < n; p++) {
        const row = x[p]!;
        const weight = w[p]! * scale;
        for (let i = 0; i < d; i++) direction[i]! += weight * row[i]!;
      }
    }
    let largest = 0;
    for (let i = 0; i < d; i++) if (Math.abs(direction[i]!) > Math.abs(largest)) largest = direction[i]!;
    const sign = largest < 0 ? -1 : 1;
    // `+ 0` turns −0 into 0, which JSON cannot tell apart anyway.
    projections.push(w.map((weight) => sign * weight * Math.sqrt(lambda) + 0));
    directions.push(Array.from(direction, (v) => sign * v + 0));
    variances.push(n > 1 ? lambda / (n - 1) : 0);
    ratios.push(totalSquares > 0 ? lambda / totalSquares : 0);
  }

  let pointIndex = 0;
  const paths = runs.map((run) => ({
    label: run.label,
    ...(run.runKey !== undefined ? { runKey: run.runKey } : {}),
    points: run.snapshots.map((_, t) => {
      const coords = projections.map((column) => column[pointIndex]!);
      pointIndex++;
      const point: PcaPathPoint = { x: coords[0]!, y: coords[1] ?? 0, coordinates: coords, epoch: run.epochs?.[t] ?? t };
      const loss = run.losses?.[t];
      const accuracy = run.accuracies?.[t];
      if (loss !== undefined) point.loss = loss;
      if (accuracy !== undefined) point.accuracy = accuracy;
      return point;
    }),
  }));

  return {
    layer: options.layer ?? null,
    dimension: d,
    numPoints: n,
    components,
    explainedVarianceRatio: ratios,
    explainedVariance: variances,
    totalVariance: n > 1 ? totalSquares / (n - 1) : 0,
    paths,
    ...(options.includeDirections ? { directions, mean: Array.from(mean) } : {}),
  };
}

/**
 * The top `count` PCA directions of one trajectory's snapshots, each scaled to the trajectory's
 * extent along it (the largest |⟨θ_t − centre, u⟩|), so a landscape over [−1, 1] on these axes
 * spans where training went. Needs at least 3 snapshots (2 give one direction at most).
 */
export function trajectoryPlaneDirections(center: ArrayLike<number>, snapshots: readonly ArrayLike<number>[], count: 1 | 2 = 2): Float32Array[] {
  if (snapshots.length < 3) {
    throw new Error(`Error in trajectoryPlaneDirections: the PCA plane needs at least 3 weight snapshots of the trajectory, but got ${snapshots.length}.`);
  }
  const pca = pcaOfTrajectories([{ label: 'trajectory', snapshots: [...snapshots] }], { includeDirections: true, components: Math.max(2, count) });
  return pca.directions!.slice(0, count).map((unit) => {
    let extent = 0;
    for (const snapshot of snapshots) {
      let dot = 0;
      for (let i = 0; i < unit.length; i++) dot += (snapshot[i]! - center[i]!) * unit[i]!;
      extent = Math.max(extent, Math.abs(dot));
    }
    const scale = extent > 0 ? extent : 1;
    return Float32Array.from(unit, (value) => value * scale);
  });
}
