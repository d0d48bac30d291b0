/**
 * The catalogue the API serves: the engine's HW1 presets, plus presets from extra ES modules a
 * user names (`SADDLE_PRESET_MODULES`, comma-separated paths, each exporting `presets: Preset[]`)
 * — the way to add an experiment of one's own without forking the engine. Worker processes load
 * the same modules, so a custom preset's analyses run there too.
 *
 * A module's preset may not take a built-in id (it would silently replace the HW1 experiment of
 * that name, and the findings read by id), nor one another module's preset has. Modules can be
 * reloaded without restarting (`reload()`: the `reloadPresets` mutation, SIGHUP to `saddle
 * serve`); a module that fails to load leaves the catalogue as it was.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { presets as enginePresets, type Preset } from '../engine.js';

export interface PresetCatalogue {
  list(): readonly Preset[];
  get(id: string): Preset | undefined;
}

export interface ReloadableCatalogue extends PresetCatalogue {
  /** The module paths this catalogue loads, as given. */
  readonly modules: readonly string[];
  /**
   * Imports the modules again (a changed file is imported anew; an unchanged one is the module
   * already loaded) and swaps the catalogue in whole, or throws and keeps the one it had.
   * Resolves to the presets the modules hold now. Only the modules' own files are re-read:
   * what they import in turn stays as Node cached it.
   */
  reload(): Promise<readonly Preset[]>;
}

/** A module's preset, with the file it came from (for errors). */
export interface ModulePreset {
  preset: Preset;
  module: string;
}

/** The catalogue of the built-in presets and `extra`; throws when an extra preset takes a built-in or another module's id. */
export function createCatalogue(extra: readonly (Preset | ModulePreset)[] = []): PresetCatalogue {
  const byId = new Map<string, Preset>();
  for (const preset of enginePresets) byId.set(preset.id, preset);
  const from = new Map<string, string>();
  for (const item of extra) {
    const { preset, module } = 'preset' in item ? item : { preset: item, module: 'a preset module' };
    const where = `preset module ${module}`;
    if (enginePresets.some((builtIn) => builtIn.id === preset.id)) {
      throw new Error(`${where}: preset id '${preset.id}' is a built-in preset's; a module cannot replace it. Give the preset an id of its own (e.g. 'my-${preset.id}')`);
    }
    const earlier = from.get(preset.id);
    if (earlier !== undefined) throw new Error(`${where}: preset id '${preset.id}' is taken by ${earlier === module ? 'another preset of the same module' : `a preset of ${earlier}`}; preset ids must be unique`);
    from.set(preset.id, module);
    byId.set(preset.id, preset);
  }
  const list = [...byId.values()];
  return { list: () => list, get: (id) => byId.get(id) };
}

/** The catalogue of the built-in presets and those of `paths`, reloadable. */
export async function openCatalogue(paths: readonly string[]): Promise<ReloadableCatalogue> {
  let current = createCatalogue(await loadPresetModules(paths));
  return {
    modules: paths,
    list: () => current.list(),
    get: (id) => current.get(id),
    async reload() {
      const loaded = await loadPresetModules(paths);
      current = createCatalogue(loaded);
      return loaded.map((item) => item.preset);
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Imports every module and checks that each exports `presets`, each with what the API calls. */
export async function loadPresetModules(paths: readonly string[]): Promise<ModulePreset[]> {
  const loaded: ModulePreset[] = [];
  for (const path of paths) {
    const file = resolve(path);
    let version: number;
    try {
      version = statSync(file).mtimeMs;
    } catch {
      throw new Error(`loadPresetModules: ${path} (${file}) does not exist; fix the path in SADDLE_PRESET_MODULES`);
    }
    // A query string is a new module to Node's loader: a file changed since is imported afresh.
    const module = (await import(`${pathToFileURL(file).href}?version=${version}`)) as { presets?: unknown };
    if (!Array.isArray(module.presets)) {
      throw new Error(`loadPresetModules: ${path} must export \`presets: Preset[]\``);
    }
    module.presets.forEach((preset: unknown, index) => {
      const where = `loadPresetModules: ${path}, presets[${index}]`;
      if (!isRecord(preset) || typeof preset.id !== 'string' || preset.id === '') throw new Error(`${where} must be a preset with a non-empty string id`);
      for (const method of ['runs', 'analyze'] as const) {
        if (typeof preset[method] !== 'function') throw new Error(`${where} ('${preset.id}') must have a ${method}() function`);
      }
      for (const list of ['figures', 'knobs'] as const) {
        if (!Array.isArray(preset[list])) throw new Error(`${where} ('${preset.id}') must have a ${list} list (it may be empty)`);
      }
      loaded.push({ preset: preset as unknown as Preset, module: path });
    });
  }
  return loaded;
}

export function presetModulesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.SADDLE_PRESET_MODULES ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
