import { Field, Float, Int, ObjectType } from 'type-graphql';
import { knobDefault, type FigureSpec as EngineFigureSpec, type Preset as EnginePreset } from '../engine.js';
import { ExpectedTimeBasisEnum, FigureKindEnum } from '../common/enums.js';
import type { ExpectedTimeBasis } from './expected-time.js';
import { JSONObjectScalar, JSONScalar } from '../common/scalars.js';

@ObjectType({ description: 'A figure a preset draws. METRIC_LINES figures come live from metric series; the others from the analyses.' })
export class FigureSpec {
  @Field(() => String, { description: 'Stable within the preset, e.g. `loss`; the stored Figure of the same id holds its data.' })
  id!: string;

  @Field(() => String, { description: 'The figure’s title as drawn.' })
  title!: string;

  @Field(() => FigureKindEnum, { description: 'How it is drawn.' })
  kind!: EngineFigureSpec['kind'];

  @Field(() => [String], { nullable: true, description: 'METRIC_LINES: the metric keys drawn, one panel each.' })
  metrics!: string[] | null;

  @Field(() => String, { nullable: true, description: 'METRIC_LINES: `step` or `epoch`.' })
  x!: string | null;

  @Field(() => String, { nullable: true, description: 'METRIC_LINES: `linear` or `log`.' })
  yScale!: string | null;
}

@ObjectType({ description: 'A preset option beyond RunSpec paths, with its default at each scale.' })
export class PresetKnob {
  @Field(() => String, { description: 'The knob’s name, as an `overrides` key (e.g. `runs`, `epochs`).' })
  key!: string;

  @Field(() => String, { description: 'What the knob changes, in words.' })
  description!: string;

  @Field(() => JSONScalar, { description: 'Default at QUICK scale.' })
  quick!: unknown;

  @Field(() => JSONScalar, { description: 'Default at STANDARD scale.' })
  standard!: unknown;

  @Field(() => JSONScalar, { description: 'Default at FULL scale.' })
  full!: unknown;
}

@ObjectType({ description: 'How long a launch is expected to take, and where that number comes from.' })
export class ExpectedTime {
  @Field(() => Float, { description: 'Wall-clock seconds from launch to the end of the analyses.' })
  seconds!: number;

  @Field(() => ExpectedTimeBasisEnum, { description: 'Measured on this server, or the reference machine’s measured or projected time.' })
  basis!: ExpectedTimeBasis;

  @Field(() => Int, { description: 'Launches the median is over (MEASURED_HERE); 0 for reference times.' })
  samples!: number;

  @Field(() => String, { description: 'Where the number comes from, in words (e.g. the reference machine).' })
  source!: string;
}

@ObjectType({ description: 'One run of a preset’s sweep, with its complete spec.' })
export class PresetRunSpec {
  @Field(() => String, { description: 'The run’s key within the experiment, e.g. `mlp-deep/sinc5`.' })
  key!: string;

  @Field(() => String, { description: 'The curve family it is drawn in.' })
  group!: string;

  @Field(() => JSONObjectScalar, { description: 'The values it is filtered and grouped by.' })
  config!: Record<string, unknown>;

  @Field(() => JSONObjectScalar, { description: 'The complete engine RunSpec it trains.' })
  spec!: Record<string, unknown>;
}

@ObjectType({ description: 'An experiment of the catalogue (HW1): a sweep of runs plus the analyses that turn them into figures.' })
export class Preset {
  @Field(() => String, { description: 'The id to launch it by, e.g. `fit-function`.' })
  id!: string;

  @Field(() => String, { description: 'A short title.' })
  title!: string;

  @Field(() => String, { description: 'What it runs and what it shows, in a few sentences.' })
  description!: string;

  @Field(() => [FigureSpec], { description: 'The figures it draws, live and after its analyses.' })
  figures!: FigureSpec[];

  @Field(() => [PresetKnob], { description: 'Its options beyond RunSpec paths, with their defaults per scale.' })
  knobs!: PresetKnob[];
}

export function toFigureSpecObject(figure: EngineFigureSpec): FigureSpec {
  return figure.kind === 'metric-lines'
    ? { id: figure.id, title: figure.title, kind: figure.kind, metrics: figure.metrics, x: figure.x, yScale: figure.yScale }
    : { id: figure.id, title: figure.title, kind: figure.kind, metrics: null, x: null, yScale: null };
}

export function toPresetObject(preset: EnginePreset): Preset {
  return {
    id: preset.id,
    title: preset.title,
    description: preset.description,
    figures: preset.figures.map(toFigureSpecObject),
    knobs: preset.knobs.map((k) => ({ key: k.key, description: k.description, quick: k.quick, standard: knobDefault(k, 'standard'), full: k.full })),
  };
}
