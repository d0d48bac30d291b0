/**
 * Typed analysis results: the engine's FigureData as GraphQL types, one per chart kind, joined
 * in the `FigureContent` union (chosen by `kind`). Values that were not finite arrive as null.
 */
import { createUnionType, Field, Float, Int, ObjectType } from 'type-graphql';
import type { FigureData } from '../engine.js';
import { JSONObjectScalar } from '../common/scalars.js';

@ObjectType({ description: 'An axis of a figure.' })
export class FigureAxis {
  @Field(() => String) label!: string;
  @Field(() => String, { description: '`linear` or `log`.' }) scale!: string;
}

@ObjectType()
export class XYPoint {
  @Field(() => Float, { nullable: true }) x!: number | null;
  @Field(() => Float, { nullable: true }) y!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Drawn with a marker; the series’ markedLabel says why (e.g. a clamped batch-norm variance).' }) marked?: boolean;
}

@ObjectType({ description: 'One curve of a LINES figure (or a 1-D slice of a GRID).' })
export class LineSeries {
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) group?: string;
  @Field(() => String, { nullable: true }) runKey?: string;
  @Field(() => Boolean, { nullable: true }) dashed?: boolean;
  @Field(() => [XYPoint]) points!: XYPoint[];
  @Field(() => String, { nullable: true, description: 'What a marked point of this series means.' }) markedLabel?: string;
}

@ObjectType()
export class LinesFigure {
  @Field(() => FigureAxis) x!: FigureAxis;
  @Field(() => FigureAxis) y!: FigureAxis;
  @Field(() => [LineSeries]) series!: LineSeries[];
}

@ObjectType()
export class ScatterPoint {
  @Field(() => Float, { nullable: true }) x!: number | null;
  @Field(() => Float, { nullable: true }) y!: number | null;
  @Field(() => String, { nullable: true }) label?: string;
  @Field(() => String, { nullable: true }) runKey?: string;
  @Field(() => String, { nullable: true }) group?: string;
  @Field(() => Boolean, { nullable: true, description: 'Drawn highlighted (e.g. a zero-gradient point that did not converge).' }) marked?: boolean;
  @Field(() => JSONObjectScalar, { nullable: true, description: 'Extra values per point, e.g. eigenvalues.' }) meta?: Record<string, unknown>;
}

@ObjectType({ description: 'Another definition of a SCATTER figure’s y: every point’s meta[metaKey]. The first view is the one y shows.' })
export class ScatterView {
  @Field(() => String) id!: string;
  @Field(() => String) label!: string;
  @Field(() => FigureAxis) y!: FigureAxis;
  @Field(() => String) metaKey!: string;
}

@ObjectType()
export class ScatterFigure {
  @Field(() => FigureAxis) x!: FigureAxis;
  @Field(() => FigureAxis) y!: FigureAxis;
  @Field(() => [ScatterPoint]) points!: ScatterPoint[];
  @Field(() => [ScatterView], { nullable: true, description: 'Definitions of y the viewer can switch between.' }) views?: ScatterView[];
}

@ObjectType({ description: 'A point of a trajectory, with the loss and accuracy there when known.' })
export class PathPoint {
  @Field(() => Float, { nullable: true }) x!: number | null;
  @Field(() => Float, { nullable: true }) y!: number | null;
  @Field(() => Float, { nullable: true }) epoch?: number | null;
  @Field(() => Float, { nullable: true }) loss?: number | null;
  @Field(() => Float, { nullable: true }) accuracy?: number | null;
}

@ObjectType()
export class FigurePath {
  @Field(() => String) label!: string;
  @Field(() => String, { nullable: true }) runKey?: string;
  @Field(() => [PathPoint]) points!: PathPoint[];
}

@ObjectType({ description: 'One choice of a PATHS figure: the whole model or one layer.' })
export class PathView {
  @Field(() => String) id!: string;
  @Field(() => String) label!: string;
  @Field(() => [FigurePath]) paths!: FigurePath[];
}

@ObjectType()
export class PathsFigure {
  @Field(() => FigureAxis) x!: FigureAxis;
  @Field(() => FigureAxis) y!: FigureAxis;
  @Field(() => [Float], { description: 'Fraction of variance along each plotted axis.' }) explainedVariance!: number[];
  @Field(() => [PathView]) views!: PathView[];
}

@ObjectType({ description: 'values[j][i] is the value at (xs[i], ys[j]); path is a trajectory projected on the plane.' })
export class GridFigure {
  @Field(() => FigureAxis) x!: FigureAxis;
  @Field(() => FigureAxis) y!: FigureAxis;
  @Field(() => [Float]) xs!: number[];
  @Field(() => [Float]) ys!: number[];
  @Field(() => [[Float]], { nullable: 'itemsAndList', description: 'Row-major by y; null where not finite.' }) values!: (number | null)[][];
  @Field(() => String) valueLabel!: string;
  @Field(() => [PathPoint], { nullable: true }) path?: PathPoint[];
  @Field(() => [LineSeries], { nullable: true, description: '1-D slices through the centre along each axis.' }) slices?: LineSeries[];
}

@ObjectType()
export class HistogramBin {
  @Field(() => Float) x0!: number;
  @Field(() => Float) x1!: number;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class HistogramFigure {
  @Field(() => FigureAxis) x!: FigureAxis;
  @Field(() => FigureAxis) y!: FigureAxis;
  @Field(() => [HistogramBin]) bins!: HistogramBin[];
  @Field(() => String, { nullable: true }) series?: string;
}

export const FigureContent = createUnionType({
  name: 'FigureContent',
  description: 'A figure’s data, typed by its kind.',
  types: () => [LinesFigure, ScatterFigure, PathsFigure, GridFigure, HistogramFigure] as const,
  // The stored FigureData carries its `kind`; the GraphQL classes above do not declare it.
  resolveType: (value) => {
    const kind = (value as unknown as { kind?: FigureData['kind'] }).kind;
    switch (kind) {
      case 'lines':
        return LinesFigure;
      case 'scatter':
        return ScatterFigure;
      case 'paths':
        return PathsFigure;
      case 'grid':
        return GridFigure;
      case 'histogram':
        return HistogramFigure;
      case undefined:
        return undefined;
      default: {
        const unreachable: never = kind;
        return unreachable;
      }
    }
  },
});
