/** A sink that keeps every event, for the training tests (not exported from the package). */
import type { MetricPoint, TrainEvent } from './events.js';

export function collect(): { events: TrainEvent[]; sink: (e: TrainEvent) => void; series: (key: string) => MetricPoint[] } {
  const events: TrainEvent[] = [];
  return {
    events,
    sink: (e) => events.push(e),
    series: (key) => events.flatMap((e) => (e.type === 'metrics' ? e.points.filter((p) => p.key === key) : [])),
  };
}
