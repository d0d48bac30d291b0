import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type LegendToggle = [ReadonlySet<string>, (id: string) => void];

/** The ids a legend has hidden, and the toggle its buttons call, held by whoever calls it. */
export function useLegendState(): LegendToggle {
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

const LegendScopeContext = createContext<LegendToggle | null>(null);

/**
 * Gives the charts under it one legend state. A chart card holds it, so that what a reader switched
 * off stays off when the card draws its chart again (a remount, or the copy laid out for a paper
 * export) and an export shows what the screen shows.
 */
export function LegendScope({ state, children }: { state: LegendToggle; children: ReactNode }) {
  return <LegendScopeContext.Provider value={state}>{children}</LegendScopeContext.Provider>;
}

/** The legend state of the enclosing LegendScope, or the chart's own when it stands alone. */
export function useLegendToggle(): LegendToggle {
  const own = useLegendState();
  return useContext(LegendScopeContext) ?? own;
}

export interface LegendEntry {
  /** What toggling hides: a series id or a group name. */
  id: string;
  label: string;
  color: string;
  dashed?: boolean;
  /** The swatch's dash pattern when `dashed` (default "4 3"): a line style's own dash. */
  dash?: string;
  /** A point swatch instead of a line: `hollow` for a ring (a scatter's flagged points). */
  marker?: 'hollow';
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
              {entry.marker === 'hollow' ? (
                <circle cx={9} cy={5} r={3.75} fill="#fff" stroke={entry.color} strokeWidth={2} />
              ) : (
                <line x1={1} x2={17} y1={5} y2={5} stroke={entry.color} strokeWidth={2.5} strokeDasharray={entry.dashed ? entry.dash || '4 3' : undefined} />
              )}
            </svg>
            {entry.label}
          </button>
        );
      })}
    </div>
  );
}
