/**
 * The catalogue the API serves: the engine's HW1 presets, plus presets from extra ES modules a
 * user names (`SADDLE_PRESET_MODULES`, comma-separated paths, each exporting `presets: Preset[]`)
 * — the way to add an experiment of one's own without forking the engine. Worker processes load
 * the same modules, so a custom preset's analyses run there too.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { presets as enginePresets, type Preset } from '../engine.js';

export interface PresetCatalogue {
  list(): readonly Preset[];
  get(id: string): Preset | undefined;
}

export function createCatalogue(extra: readonly Preset[] = []): PresetCatalogue {
  const byId = new Map<string, Preset>();
  for (const preset of [...enginePresets, ...extra]) byId.set(preset.id, preset);
  const list = [...byId.values()];
  return { list: () => list, get: (id) => byId.get(id) };
}

export async function loadPresetModules(paths: readonly string[]): Promise<Preset[]> {
  const loaded: Preset[] = [];
  for (const path of paths) {
    const module = (await import(pathToFileURL(resolve(path)).href)) as { presets?: unknown };
    if (!Array.isArray(module.presets)) {
      throw new Error(`loadPresetModules: ${path} must export \`presets: Preset[]\``);
    }
    loaded.push(...(module.presets as Preset[]));
  }
  return loaded;
}

export function presetModulesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.SADDLE_PRESET_MODULES ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
