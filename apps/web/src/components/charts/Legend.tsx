import { useCallback, useState } from 'react';

/** The ids a legend has hidden, and the toggle its buttons call: one state for every chart. */
export function useLegendToggle(): [ReadonlySet<string>, (id: string) => void] {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string) =>
      setHidden((previous) => {
        const next = new Set(previous);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  return [hidden, toggle];
}

export interface LegendEntry {
  /** What toggling hides: a series id or a group name. */
  id: string;
  label: string;
  color: string;
  dashed?: boolean;
}

export interface LegendProps {
  entries: LegendEntry[];
  /** Ids currently hidden. */
  hidden: ReadonlySet<string>;
  /** Called with the id of the entry clicked; omitted = a static legend. */
  onToggle?: (id: string) => void;
}

/** A row of swatches; each is a button that hides or shows its series. */
export function Legend({ entries, hidden, onToggle }: LegendProps) {
  if (entries.length === 0) return null;
  return (
    <div className="chart-legend" role="group" aria-label="Legend">
      {entries.map((entry) => {
        const off = hidden.has(entry.id);
        return (
          <button
            key={entry.id}
            type="button"
            className={off ? 'chart-legend-item off' : 'chart-legend-item'}
            aria-pressed={!off}
            onClick={onToggle ? () => onToggle(entry.id) : undefined}
            disabled={!onToggle}
            title={off ? `Show ${entry.label}` : `Hide ${entry.label}`}
          >
            <svg width={18} height={10} aria-hidden="true">
              <line x1={1} x2={17} y1={5} y2={5} stroke={entry.color} strokeWidth={2.5} strokeDasharray={entry.dashed ? '4 3' : undefined} />
            </svg>
            {entry.label}
          </button>
        );
      })}
    </div>
  );
}
