/**
 * Preset modules: a module cannot shadow a built-in id (or another module's), reloads pick up a
 * changed file and a failed reload keeps the catalogue; through a server, `reloadPresets` and a
 * preset with no runs refused at launch.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../test-utils/server.js';
import { tempDir, TINY_PRESET_MODULE } from '../test-utils/temp.js';
import { openCatalogue } from './catalogue.js';

const dir = tempDir('saddle-presets-');
afterAll(() => dir.remove());

let version = 0;
/** Writes a module of presets with these ids and title; each write gets a later mtime, as an edit would. */
function writeModule(name: string, ids: string[], title: string, runs = '[]'): string {
  const path = join(dir.path, name);
  const presets = ids.map((id) => `{ id: ${JSON.stringify(id)}, title: ${JSON.stringify(title)}, description: 'test', figures: [], knobs: [], runs() { return ${runs}; }, async analyze() { return []; } }`);
  writeFileSync(path, `export const presets = [${presets.join(', ')}];\n`);
  const when = new Date(Date.now() + ++version * 1000);
  utimesSync(path, when, when);
  return path;
}

describe('openCatalogue', () => {
  it('refuses a module preset that takes a built-in id or another module’s', async () => {
    await expect(openCatalogue([writeModule('shadow.mjs', ['fit-function'], 'Mine')])).rejects.toThrow(
      /shadow\.mjs: preset id 'fit-function' is a built-in preset's; a module cannot replace it\. Give the preset an id of its own/,
    );
    const first = writeModule('first.mjs', ['mine'], 'First');
    const second = writeModule('second.mjs', ['mine'], 'Second');
    await expect(openCatalogue([first, second])).rejects.toThrow(/second\.mjs: preset id 'mine' is taken by a preset of .*first\.mjs/);
    await expect(openCatalogue([join(dir.path, 'absent.mjs')])).rejects.toThrow(/does not exist; fix the path in SADDLE_PRESET_MODULES/);
    const incomplete = join(dir.path, 'incomplete.mjs');
    writeFileSync(incomplete, `export const presets = [{ id: 'half', figures: [], knobs: [] }];\n`);
    await expect(openCatalogue([incomplete])).rejects.toThrow(/presets\[0\] \('half'\) must have a runs\(\) function/);
  });

  it('reloads a changed module, and keeps the catalogue when a reload fails', async () => {
    const path = writeModule('reload.mjs', ['reloadable'], 'Before');
    const catalogue = await openCatalogue([path]);
    expect(catalogue.get('reloadable')?.title).toBe('Before');
    expect(catalogue.get('fit-function')).toBeDefined();
    writeModule('reload.mjs', ['reloadable', 'added'], 'After');
    expect((await catalogue.reload()).map((preset) => preset.id)).toEqual(['reloadable', 'added']);
    expect(catalogue.get('reloadable')?.title).toBe('After');
    writeModule('reload.mjs', ['train-cnn'], 'Broken');
    await expect(catalogue.reload()).rejects.toThrow(/built-in/);
    expect(catalogue.get('added')?.title).toBe('After');
  });
});

describe('preset modules through the server', () => {
  it('refuses a launch of a preset with no runs, and reloadPresets serves an edited module', async () => {
    const path = writeModule('served.mjs', ['test-empty'], 'Empty');
    const server = await startTestServer({ presetModules: [TINY_PRESET_MODULE, path] });
    try {
      const launch = await server.run(`mutation { launchExperiment(input: { preset: "test-empty" }) { id } }`);
      expect(launch.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(launch.errors?.[0]?.message).toMatch(/preset 'test-empty' made no runs with these options/);
      const listed = await server.run<{ experiments: { totalCount: number } }>(`{ experiments { totalCount } }`);
      expect(listed.data?.experiments.totalCount).toBe(0);

      writeModule('served.mjs', ['test-empty'], 'Edited');
      const reloaded = await server.run<{ reloadPresets: { id: string; title: string }[] }>(`mutation { reloadPresets { id title } }`);
      expect(reloaded.errors).toBeUndefined();
      expect(reloaded.data?.reloadPresets.find((preset) => preset.id === 'test-empty')?.title).toBe('Edited');

      writeModule('served.mjs', ['fit-function'], 'Shadow');
      const refused = await server.run(`mutation { reloadPresets { id } }`);
      expect(refused.errors?.[0]?.message).toMatch(/reloading the preset modules failed, the catalogue is unchanged: .*built-in/);
      const after = await server.run<{ presets: { id: string; title: string }[] }>(`{ presets { id title } }`);
      expect(after.data?.presets.find((preset) => preset.id === 'test-empty')?.title).toBe('Edited');

      // A read-only caller may not reload.
      const readOnly = await server.run(`mutation { reloadPresets { id } }`, undefined, { required: true, scope: 'read', tokenId: 'test' });
      expect(readOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await server.close();
    }
  });
});
