import { FieldResolver, Resolver, Root } from 'type-graphql';
import { JSONObjectScalar } from '../common/scalars.js';
import { COLUMNS_DESCRIPTION, toColumns, type MetricColumns } from './metric-columns.js';
import { MetricPage, MetricSeries } from './metric.type.js';

@Resolver(() => MetricSeries)
export class MetricSeriesColumnsResolver {
  @FieldResolver(() => JSONObjectScalar, { description: COLUMNS_DESCRIPTION })
  columns(@Root() series: MetricSeries): MetricColumns {
    return toColumns(series.points);
  }
}

@Resolver(() => MetricPage)
export class MetricPageColumnsResolver {
  @FieldResolver(() => JSONObjectScalar, { description: COLUMNS_DESCRIPTION })
  columns(@Root() page: MetricPage): MetricColumns {
    return toColumns(page.points);
  }
}
