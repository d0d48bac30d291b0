/**
 * Typed analysis results: the engine's FigureData as GraphQL types, one per chart kind, joined
 * in the `FigureContent` union (chosen by `kind`). Values that were not finite arrive as null.
 */
import { createUnionType, Field, Float, Int, ObjectType } from 'type-graphql';
import type { FigureData } from '../engine.js';
import { JSONObjectScalar } from '../common/scalars.js';

@ObjectType({ description: 'An axis of a figure.' })
export class FigureAxis {
  @Field(() => String, { description: 'The axis label, with units where there are any.' }) label!: string;
  @Field(() => String, { description: '`linear` or `log`.' }) scale!: string;
}

@ObjectType({ description: 'A point of a line series; x or y null where not finite (drawn as a gap).' })
export class XYPoint {
  @Field(() => Float, { nullable: true, description: 'The x value; null where not finite.' }) x!: number | null;
  @Field(() => Float, { nullable: true, description: 'The y value; null where not finite (drawn as a gap).' }) y!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Drawn with a marker; the series’ markedLabel says why (e.g. a clamped batch-norm variance).' }) marked?: boolean;
}

@ObjectType({ description: 'One curve of a LINES figure (or a 1-D slice of a GRID).' })
export class LineSeries {
  @Field(() => String, { description: 'The legend entry.' }) label!: string;
  @Field(() => String, { nullable: true, description: 'The curve family (one colour per group).' }) group?: string;
  @Field(() => String, { nullable: true, description: 'The run the series comes from, when it is one run’s.' }) runKey?: string;
  @Field(() => Boolean, { nullable: true, description: 'Drawn dashed (e.g. test beside a solid train curve).' }) dashed?: boolean;
  @Field(() => [XYPoint], { description: 'In x order.' }) points!: XYPoint[];
  @Field(() => String, { nullable: true, description: 'What a marked point of this series means.' }) markedLabel?: string;
}

@ObjectType({ description: 'Line series over a shared x axis (kind LINES).' })
export class LinesFigure {
  @Field(() => FigureAxis, { description: 'The x axis.' }) x!: FigureAxis;
  @Field(() => FigureAxis, { description: 'The y axis.' }) y!: FigureAxis;
  @Field(() => [LineSeries], { description: 'The curves.' }) series!: LineSeries[];
}

@ObjectType({ description: 'One point of a scatter (per run, or per sample).' })
export class ScatterPoint {
  @Field(() => Float, { nullable: true, description: 'The x value; null where not finite.' }) x!: number | null;
  @Field(() => Float, { nullable: true, description: 'The y value; null where not finite.' }) y!: number | null;
  @Field(() => String, { nullable: true, description: 'A label shown on hover.' }) label?: string;
  @Field(() => String, { nullable: true, description: 'The run the point comes from.' }) runKey?: string;
  @Field(() => String, { nullable: true, description: 'The point’s family (one colour per group).' }) group?: string;
  @Field(() => Boolean, { nullable: true, description: 'Drawn highlighted (e.g. a zero-gradient point that did not converge).' }) marked?: boolean;
  @Field(() => JSONObjectScalar, { nullable: true, description: 'Extra values per point, e.g. eigenvalues.' }) meta?: Record<string, unknown>;
}

@ObjectType({ description: 'Another definition of a SCATTER figure’s y: every point’s meta[metaKey]. The first view is the one y shows.' })
export class ScatterView {
  @Field(() => String, { description: 'The view’s id (`saddle figure --view`).' }) id!: string;
  @Field(() => String, { description: 'The view’s name as shown in the switcher.' }) label!: string;
  @Field(() => FigureAxis, { description: 'The y axis in this view.' }) y!: FigureAxis;
  @Field(() => String, { description: 'The key of every point’s `meta` that is y in this view.' }) metaKey!: string;
}

@ObjectType({ description: 'Points over two axes (kind SCATTER).' })
export class ScatterFigure {
  @Field(() => FigureAxis, { description: 'The x axis.' }) x!: FigureAxis;
  @Field(() => FigureAxis, { description: 'The y axis (of the first view).' }) y!: FigureAxis;
  @Field(() => [ScatterPoint], { description: 'The points.' }) points!: ScatterPoint[];
  @Field(() => [ScatterView], { nullable: true, description: 'Definitions of y the viewer can switch between.' }) views?: ScatterView[];
}

@ObjectType({ description: 'A point of a trajectory, with the loss and accuracy there when known.' })
export class PathPoint {
  @Field(() => Float, { nullable: true, description: 'Coordinate along the first plotted component; null where not finite.' }) x!: number | null;
  @Field(() => Float, { nullable: true, description: 'Coordinate along the second plotted component; null where not finite.' }) y!: number | null;
  @Field(() => Float, { nullable: true, description: 'The epoch of the snapshot.' }) epoch?: number | null;
  @Field(() => Float, { nullable: true, description: 'The training loss at the snapshot, when known.' }) loss?: number | null;
  @Field(() => Float, { nullable: true, description: 'The training accuracy at the snapshot, when known.' }) accuracy?: number | null;
}

@ObjectType({ description: 'One trajectory of a PATHS figure, usually one run’s.' })
export class FigurePath {
  @Field(() => String, { description: 'The legend entry.' }) label!: string;
  @Field(() => String, { nullable: true, description: 'The run the trajectory comes from.' }) runKey?: string;
  @Field(() => [PathPoint], { description: 'In time order.' }) points!: PathPoint[];
}

@ObjectType({ description: 'One choice of a PATHS figure: the whole model or one layer.' })
export class PathView {
  @Field(() => String, { description: 'The view’s id, e.g. `whole` or a layer’s name (`saddle figure --view`).' }) id!: string;
  @Field(() => String, { description: 'The view’s name as shown in the switcher.' }) label!: string;
  @Field(() => [FigurePath], { description: 'The trajectories in this view’s projection.' }) paths!: FigurePath[];
}

@ObjectType({ description: 'Trajectories in a 2-D projection, e.g. PCA of weight snapshots (kind PATHS).' })
export class PathsFigure {
  @Field(() => FigureAxis, { description: 'The first plotted component.' }) x!: FigureAxis;
  @Field(() => FigureAxis, { description: 'The second plotted component.' }) y!: FigureAxis;
  @Field(() => [Float], { description: 'Fraction of variance along each plotted axis.' }) explainedVariance!: number[];
  @Field(() => [PathView], { description: 'The whole model, then each layer.' }) views!: PathView[];
}

@ObjectType({ description: 'values[j][i] is the value at (xs[i], ys[j]); path is a trajectory projected on the plane.' })
export class GridFigure {
  @Field(() => FigureAxis, { description: 'The x axis (first direction).' }) x!: FigureAxis;
  @Field(() => FigureAxis, { description: 'The y axis (second direction).' }) y!: FigureAxis;
  @Field(() => [Float], { description: 'The grid’s x coordinates, ascending.' }) xs!: number[];
  @Field(() => [Float], { description: 'The grid’s y coordinates, ascending.' }) ys!: number[];
  @Field(() => [[Float]], { nullable: 'itemsAndList', description: 'Row-major by y; null where not finite.' }) values!: (number | null)[][];
  @Field(() => String, { description: 'What the values are, e.g. `train/loss`.' }) valueLabel!: string;
  @Field(() => [PathPoint], { nullable: true, description: 'The training trajectory projected on the plane, when there is one.' }) path?: PathPoint[];
  @Field(() => [LineSeries], { nullable: true, description: '1-D slices through the centre along each axis.' }) slices?: LineSeries[];
}

@ObjectType({ description: 'One bin of a histogram: [x0, x1) holds count values.' })
export class HistogramBin {
  @Field(() => Float, { description: 'The bin’s lower edge (inclusive).' }) x0!: number;
  @Field(() => Float, { description: 'The bin’s upper edge (exclusive; inclusive for the last bin).' }) x1!: number;
  @Field(() => Int, { description: 'Values in the bin.' }) count!: number;
}

@ObjectType({ description: 'Counts per bin, e.g. a Hessian spectrum (kind HISTOGRAM).' })
export class HistogramFigure {
  @Field(() => FigureAxis, { description: 'The value axis.' }) x!: FigureAxis;
  @Field(() => FigureAxis, { description: 'The count axis.' }) y!: FigureAxis;
  @Field(() => [HistogramBin], { description: 'In x order.' }) bins!: HistogramBin[];
  @Field(() => String, { nullable: true, description: 'What the values are, e.g. which run’s spectrum.' }) series?: string;
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
