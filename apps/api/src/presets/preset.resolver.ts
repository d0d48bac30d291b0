import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ScaleEnum } from '../common/enums.js';
import type { SaddleContext } from '../context.js';
import { BadInputError } from '../errors.js';
import { buildModel, zoo } from '../engine.js';
import { ExpectedTime, Preset, PresetRunSpec, toPresetObject } from './preset.type.js';
import { ZooModel } from './zoo-model.type.js';
import type { Scale } from '@saddle/engine';

@Resolver(() => Preset)
export class PresetResolver {
  @Query(() => [Preset], { description: 'The catalogue of runnable experiments.' })
  presets(@Ctx() { services }: SaddleContext): Preset[] {
    return services.catalogue.list().map(toPresetObject);
  }

  @Query(() => [ZooModel], { description: 'The model zoo: every model a spec, an override or a sweep may name, in the engine’s order.' })
  modelZoo(): ZooModel[] {
    return Object.entries(zoo).map(([id, entry]) => {
      // The zoo's MLPs take one number (a target function's x); its CNNs take images.
      const image = entry.spec.layers.some((layer) => layer.type === 'conv2d');
      return {
        id,
        description: entry.description,
        data: image ? 'image' : 'function',
        parameters: buildModel(entry.spec, image ? [28, 28, 1] : [1]).summary().totalParams,
        spec: entry.spec as unknown as Record<string, unknown>,
      };
    });
  }

  @Authorized('write')
  @Mutation(() => [Preset], {
    description:
      'Imports the SADDLE_PRESET_MODULES again (a changed file anew) without restarting the server, and answers the catalogue. A module that fails to load, or a preset that takes a built-in or another module’s id, is an error and the catalogue stays as it was. Workers reload before analysing a module preset’s experiment. `kill -HUP` of `saddle serve` does the same.',
  })
  async reloadPresets(@Ctx() { services }: SaddleContext): Promise<Preset[]> {
    try {
      await services.catalogue.reload();
    } catch (error) {
      throw new BadInputError(`reloading the preset modules failed, the catalogue is unchanged: ${error instanceof Error ? error.message : String(error)}`, ['SADDLE_PRESET_MODULES']);
    }
    return services.catalogue.list().map(toPresetObject);
  }

  @FieldResolver(() => ExpectedTime, {
    nullable: true,
    description: 'How long a launch at this scale (no overrides) is expected to take: measured on this server when it has run it, else the reference machine’s time. Null for a custom preset never run here.',
  })
  expectedTime(@Root() preset: Preset, @Arg('scale', () => ScaleEnum, { description: 'The scale of the launch.' }) scale: Scale, @Ctx() { services }: SaddleContext): Promise<ExpectedTime | null> {
    return services.experiments.expectedTime(preset.id, scale);
  }

  @FieldResolver(() => [PresetRunSpec], { description: 'The runs a launch at this scale (with no overrides) creates, with their complete specs.' })
  defaultRuns(@Root() preset: Preset, @Arg('scale', () => ScaleEnum, { description: 'The scale of the launch.' }) scale: Scale, @Ctx() { services }: SaddleContext): PresetRunSpec[] {
    const entry = services.catalogue.get(preset.id);
    if (!entry) throw new BadInputError(`unknown preset ${preset.id}`, ['id']);
    return entry.runs({ scale }).map((run) => ({
      key: run.key,
      group: run.group,
      config: run.config,
      spec: run.spec as unknown as Record<string, unknown>,
    }));
  }
}
