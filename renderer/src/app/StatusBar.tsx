import type { SelectionStats } from '../features/grid/selection-stats';
import type { GridMessageTone } from '../features/grid/grid-handle';
import { formatCount, groupDecimalString } from '../lib/format';

export type EngineState = { kind: 'starting' } | { kind: 'ready' } | { kind: 'importing'; file: string } | { kind: 'indexing'; column: string };

interface StatusBarProps {
  engine: EngineState;
  tableRows: number | null;
  stats: SelectionStats | null;
  message: { text: string; tone: GridMessageTone } | null;
}

function engineText(state: EngineState): string {
  switch (state.kind) {
    case 'starting':
      return 'Starting engine…';
    case 'ready':
      return 'Ready';
    case 'importing':
      return `Importing ${state.file}`;
    case 'indexing':
      return `Building index on ‘${state.column}’…`;
  }
}

/** Excel-style status bar: engine state on the left, selection maths on the right. */
export function StatusBar({ engine, tableRows, stats, message }: StatusBarProps) {
  return (
    <footer className="statusbar">
      <span className={`status-engine is-${engine.kind}`} data-testid="status-engine">
        <span className="status-dot" />
        <span className="truncate">{engineText(engine)}</span>
      </span>
      {tableRows !== null ? <span className="status-item num">{formatCount(tableRows)} rows</span> : null}
      {message ? (
        <span className={`status-item status-message is-${message.tone}`} role="status">
          {message.text}
        </span>
      ) : null}
      <span className="status-spacer" />
      {stats ? (
        <>
          {stats.rows * stats.columns > 1 ? (
            <span className="status-item num" title="Selected rows × columns">
              {formatCount(stats.rows)} × {formatCount(stats.columns)}
            </span>
          ) : null}
          <span className="status-item num">
            Count <strong data-testid="status-count">{stats.count === null ? '…' : formatCount(stats.count)}</strong>
          </span>
          {stats.sum !== null ? (
            <span className="status-item num">
              Sum <strong data-testid="status-sum">{groupDecimalString(stats.sum)}</strong>
            </span>
          ) : null}
          {stats.average !== null ? (
            <span className="status-item num">
              Average <strong data-testid="status-average">{groupDecimalString(stats.average)}</strong>
            </span>
          ) : null}
        </>
      ) : null}
    </footer>
  );
}
