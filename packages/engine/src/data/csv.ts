/**
 * CSV tables → a {@link RawDataset}: one example per row, numeric feature columns, one target
 * column (default the last). The target is a class label when `task` is `classification` or its
 * values are not all numbers; otherwise a regression target. Parsed by csv-parse (quotes, CRLF,
 * BOM); every malformed cell is reported with its row and column.
 */
import { parse } from 'csv-parse/sync';
import { labelsFromNames, MAX_DATASET_VALUES, type RawDataset } from './raw-dataset.js';

export interface CsvOptions {
  /** Name (header) or 0-based index of the target column; default the last column. */
  target?: string;
  /** `classification` or `regression`; default: classification when a target is not a number. */
  task?: 'classification' | 'regression';
}

const fail = (detail: string): never => {
  throw new Error(`loadCsv: ${detail}`);
};

export function loadCsv(text: string, options: CsvOptions = {}): RawDataset {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (error) {
    // csv-parse names the line (e.g. 'Invalid Record Length: expect 3, got 2 on line 4').
    return fail(`${(error as Error).message}; every row needs the same number of comma-separated columns`);
  }
  if (rows.length === 0) fail('the file has no rows');
  const first = rows[0]!;
  if (first.length < 2) fail(`row 1 has ${first.length} column; a dataset needs at least one feature column and a target column`);
  // A header is a first row with any cell that is not a number.
  const hasHeader = first.some((cell) => cell === '' || !Number.isFinite(Number(cell)));
  const header = hasHeader ? first : first.map((_, i) => String(i));
  const body = hasHeader ? rows.slice(1) : rows;
  if (body.length === 0) fail('the file has a header but no data rows');
  let targetIndex = header.length - 1;
  if (options.target !== undefined) {
    const byName = header.indexOf(options.target);
    targetIndex = byName >= 0 ? byName : /^\d+$/.test(options.target) ? Number(options.target) : -1;
    if (targetIndex < 0 || targetIndex >= header.length) fail(`target column '${options.target}' not found; the columns are ${header.join(', ')}`);
  }
  const features = header.length - 1;
  if (body.length * features > MAX_DATASET_VALUES) fail(`${body.length} rows × ${features} features exceed the limit of ${MAX_DATASET_VALUES} values`);
  const x = new Float32Array(body.length * features);
  const targets: string[] = [];
  const rowNumber = (r: number) => r + 1 + (hasHeader ? 1 : 0);
  body.forEach((row, r) => {
    let f = 0;
    row.forEach((cell, c) => {
      if (c === targetIndex) {
        if (cell === '') fail(`row ${rowNumber(r)}, column '${header[c]}' (the target): empty; every row needs a target`);
        targets.push(cell);
        return;
      }
      const value = cell === '' ? Number.NaN : Number(cell);
      if (!Number.isFinite(value)) fail(`row ${rowNumber(r)}, column '${header[c]}': ${JSON.stringify(cell)} is not a finite number; feature columns must be numeric`);
      x[r * features + f++] = value;
    });
  });
  const numeric = targets.every((t) => Number.isFinite(Number(t)));
  const task = options.task ?? (numeric ? 'regression' : 'classification');
  if (task === 'regression' && !numeric) {
    const r = targets.findIndex((t) => !Number.isFinite(Number(t)));
    fail(`row ${rowNumber(r)}, column '${header[targetIndex]}' (the target): ${JSON.stringify(targets[r])} is not a number, so it cannot be a regression target; use task 'classification'`);
  }
  const featureNames = header.filter((_, c) => c !== targetIndex);
  if (task === 'regression') {
    return { x, y: Float32Array.from(targets, Number), n: body.length, inputShape: [features], numClasses: 0, classNames: [], format: 'csv', ...(hasHeader && { featureNames }) };
  }
  const { y, classNames } = labelsFromNames(targets);
  if (classNames.length < 2) fail(`the target column '${header[targetIndex]}' has a single class (${classNames[0]}); classification needs at least two`);
  return { x, y, n: body.length, inputShape: [features], numClasses: classNames.length, classNames, format: 'csv', ...(hasHeader && { featureNames }) };
}
