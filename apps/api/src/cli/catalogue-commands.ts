/**
 * What the catalogue holds, for a terminal: `saddle presets` (each preset's knobs with their
 * defaults per scale, and the expected time per scale) and `saddle models [id]` (the zoo's
 * summaries, one model, or one model as torchsummary prints it).
 */
import { SCALES } from '@saddle/engine/scales';
import { knobDefault, zoo, zooSummaries, type ModelSummary } from '../engine.js';
import { expectedTime, formatExpected, type ExpectedTime } from '../presets/expected-time.js';
import type { PresetCatalogue } from '../presets/catalogue.js';
import type { Store } from '../store/store.js';
import type { CliIo } from './run-command.js';
import { torchSummaryText } from './torchsummary.js';

export type ModelsFormat = 'text' | 'json' | 'torchsummary';

/** `saddle models [id]`: 0, or 2 naming the argument when there is no such model. */
export function modelsCommand(id: string | undefined, options: { input: number[]; format: ModelsFormat }, io: CliIo): number {
  if (id !== undefined && !(id in zoo)) {
    io.err.write(`saddle models: bad [id]: no model ${JSON.stringify(id)}\n  allowed: ${Object.keys(zoo).join(', ')}\n`);
    return 2;
  }
  const all = zooSummaries(options.input);
  const chosen: [string, ModelSummary][] = Object.entries(all).filter(([key]) => id === undefined || key === id);
  if (options.format === 'json') {
    io.out.write(`${JSON.stringify(id === undefined ? all : chosen[0]![1], null, 2)}\n`);
    return 0;
  }
  for (const [key, summary] of chosen) {
    const body = options.format === 'torchsummary' ? torchSummaryText(zoo[key]!.spec, summary) : `${summary.text}\n`;
    io.out.write(id === undefined ? `${key}\n${body}\n` : body);
  }
  return 0;
}

export interface PresetListing {
  id: string;
  title: string;
  description: string;
  knobs: { key: string; description: string; defaults: Record<string, unknown> }[];
  expected: Record<string, ExpectedTime | null>;
}

/** Every preset of the catalogue with its knobs and expected times (this store's, else the reference's). */
export async function presetListings(store: Store, catalogue: PresetCatalogue): Promise<PresetListing[]> {
  const listings: PresetListing[] = [];
  for (const preset of catalogue.list()) {
    const expected: Record<string, ExpectedTime | null> = {};
    for (const scale of SCALES) expected[scale] = await expectedTime(store, preset.id, scale);
    listings.push({
      id: preset.id,
      title: preset.title,
      description: preset.description,
      knobs: preset.knobs.map((knob) => ({ key: knob.key, description: knob.description, defaults: Object.fromEntries(SCALES.map((scale) => [scale, knobDefault(knob, scale)])) })),
      expected,
    });
  }
  return listings;
}

/** `text` in lines of at most `width` columns (a word longer than that stays whole), each after `indent`. */
export function wrap(text: string, indent: string, width = 80, firstIndent = indent): string {
  const lines: string[] = [];
  let line = firstIndent;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const prefix = lines.length === 0 ? firstIndent : indent;
    if (line.length > prefix.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line += (line.length > prefix.length ? ' ' : '') + word;
  }
  lines.push(line);
  return `${lines.join('\n')}\n`;
}

/** The listings as a terminal shows them: a block per preset, knobs as a table with a column per scale. */
export function presetsText(listings: readonly PresetListing[]): string {
  const cell = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
  let text = '';
  for (const preset of listings) {
    text += `${preset.id} — ${preset.title}\n${wrap(preset.description, '  ')}  expected time:\n`;
    for (const scale of SCALES) {
      const time = preset.expected[scale];
      text += wrap(time ? formatExpected(time) : 'unknown (no reference time, not yet run here)', ' '.repeat(14), 80, `    ${scale.padEnd(9)} `);
    }
    if (preset.knobs.length > 0) {
      const keyWidth = Math.max(4, ...preset.knobs.map((k) => k.key.length));
      const widths = SCALES.map((scale) => Math.max(scale.length, ...preset.knobs.map((k) => cell(k.defaults[scale]).length)));
      // A description that would pass 80 columns goes on a line of its own, under the knob.
      const row = (key: string, cells: string[], description: string): string => {
        const head = `    ${key.padEnd(keyWidth)}  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`;
        return head.length + 2 + description.length <= 80 ? `${`${head}  ${description}`.trimEnd()}\n` : `${head.trimEnd()}\n${wrap(description, '      ')}`;
      };
      text += `  knobs (--set key=value; any RunSpec path too, e.g. --set optimizer.lr=0.01):\n`;
      text += row('knob', [...SCALES], '');
      for (const knob of preset.knobs) text += row(knob.key, SCALES.map((scale) => cell(knob.defaults[scale])), knob.description);
    } else text += '  knobs: none (any RunSpec path with --set, e.g. --set epochs=5)\n';
    text += '\n';
  }
  return text;
}
