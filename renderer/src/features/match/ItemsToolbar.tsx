import type { ReactNode } from 'react';
import type { MatchStatus } from '../../../../shared/engine/match/summary';
import { formatCount } from '../../lib/format';
import { ITEMS_ORDER, STATUS_SHORT } from './status';
import { PAGE_SIZE, type StatusCounts } from './use-match-items';

interface ItemsToolbarProps {
  status: MatchStatus | null;
  counts: StatusCounts | null;
  offset: number;
  total: number;
  isLoading: boolean;
  /** The column choosers. */
  children?: ReactNode;
  nextHint: string;
  previousHint: string;
  onStatus(status: MatchStatus | null): void;
  onPage(offset: number): void;
  onStep(direction: 1 | -1): void;
}

/** Status filter chips with counts, the page counter, and stepping between differences. */
export function ItemsToolbar({ status, counts, offset, total, isLoading, children, nextHint, previousHint, onStatus, onPage, onStep }: ItemsToolbarProps) {
  const chips: readonly (MatchStatus | null)[] = [null, ...ITEMS_ORDER];
  const last = Math.min(offset + PAGE_SIZE, total);
  return (
    <div className="items-toolbar">
      <div className="status-chips" role="radiogroup" aria-label="Filter by status">
        {chips.map((chip) => {
          const count = counts ? counts[chip ?? 'all'] : null;
          return (
            <button
              key={chip ?? 'all'}
              type="button"
              role="radio"
              aria-checked={status === chip}
              className={`status-chip${status === chip ? ' is-on' : ''}${chip ? ` is-${chip}` : ''}`}
              disabled={chip !== null && count === 0}
              data-testid={`match-filter-${chip ?? 'all'}`}
              onClick={() => onStatus(chip)}
            >
              {chip ? STATUS_SHORT[chip] : 'All'}
              {count !== null ? <span className="status-chip-count num">{formatCount(count)}</span> : null}
            </button>
          );
        })}
      </div>
      <span className="items-toolbar-spacer" />
      {children}
      <div className="items-step">
        <button type="button" className="btn btn-sm" onClick={() => onStep(-1)} title={`Previous difference (${previousHint})`} aria-label="Previous difference" data-testid="match-prev-diff">
          ↑
        </button>
        <button type="button" className="btn btn-sm" onClick={() => onStep(1)} title={`Next difference (${nextHint})`} data-testid="match-next-diff">
          ↓ Next difference <kbd>N</kbd>
        </button>
      </div>
      <div className="items-pager num">
        {isLoading ? <span className="spinner" /> : null}
        <span data-testid="match-items-counter">{total === 0 ? 'No items' : `${formatCount(offset + 1)}–${formatCount(last)} of ${formatCount(total)}`}</span>
        <button type="button" className="btn btn-ghost btn-sm" disabled={offset === 0} onClick={() => onPage(offset - PAGE_SIZE)} aria-label="Previous page">
          ‹ Prev
        </button>
        <button type="button" className="btn btn-ghost btn-sm" disabled={last >= total} onClick={() => onPage(offset + PAGE_SIZE)} aria-label="Next page">
          Next ›
        </button>
      </div>
    </div>
  );
}
