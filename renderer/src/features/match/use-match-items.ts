import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemsPage } from '../../../../shared/engine/match/items';
import type { MatchRun } from '../../../../shared/engine/match/run-match';
import type { MatchStatus } from '../../../../shared/engine/match/summary';
import type { EngineClient } from '../../engine/client';
import { engineMessage } from './engine-message';
import { ITEMS_ORDER, isBreak } from './status';

export const PAGE_SIZE = 100;
/** Rows shown per side of an item before "+ N more rows"; a payout can have thousands. */
export const ROW_LIMIT = 5;
/** Rows fetched when the analyst expands one item. */
const EXPANDED_ROW_LIMIT = 100;

export type StatusCounts = Readonly<Record<MatchStatus | 'all', number>>;

export interface MatchItemsState {
  readonly page: ItemsPage | null;
  readonly offset: number;
  readonly status: MatchStatus | null;
  readonly counts: StatusCounts | null;
  readonly isLoading: boolean;
  readonly error: string | null;
  /** Index in `page.items` of the item the keyboard is on; -1 for none. */
  readonly focused: number;
  setStatus(status: MatchStatus | null): void;
  goToPage(offset: number): void;
  focus(index: number): void;
  /** Moves to the next / previous break, across pages; false when there is none. */
  step(direction: 1 | -1): boolean;
  expand(index: number): void;
}

type PendingFocus = 'first-break' | 'last-break' | null;

/** One page of the side-by-side view of the last run, its status filter, counts and keyboard focus. */
export function useMatchItems(client: EngineClient, run: MatchRun | null, runVersion: number): MatchItemsState {
  const [page, setPage] = useState<ItemsPage | null>(null);
  const [offset, setOffset] = useState(0);
  const [status, setStatusState] = useState<MatchStatus | null>(null);
  const [counts, setCounts] = useState<StatusCounts | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(-1);
  const pendingFocusRef = useRef<PendingFocus>(null);
  const requestRef = useRef(0);
  const specName = run?.spec.name ?? null;

  useEffect(() => {
    if (specName === null) return;
    const request = ++requestRef.current;
    setIsLoading(true);
    client
      .matchItems(specName, { statuses: status ? [status] : undefined, offset, limit: PAGE_SIZE, rowLimit: ROW_LIMIT })
      .then((next) => {
        if (request !== requestRef.current) return;
        // After a decision the filtered list can shrink below the page we were on.
        if (next.items.length === 0 && offset > 0 && next.total > 0) {
          setOffset(Math.max(0, Math.floor((next.total - 1) / PAGE_SIZE) * PAGE_SIZE));
          return;
        }
        setPage(next);
        setError(null);
        const pending = pendingFocusRef.current;
        pendingFocusRef.current = null;
        if (pending === 'first-break') setFocused(next.items.findIndex((item) => isBreak(item.status)));
        else if (pending === 'last-break') setFocused(lastBreakIndex(next.items));
        else setFocused((current) => Math.min(current, next.items.length - 1));
      })
      .catch((failure: unknown) => {
        if (request === requestRef.current) setError(engineMessage(failure));
      })
      .finally(() => {
        if (request === requestRef.current) setIsLoading(false);
      });
  }, [client, specName, runVersion, status, offset]);

  // Counts per status for the filter chips: one cheap call each (limit 0 reads only the total).
  useEffect(() => {
    if (specName === null) return;
    let isCurrent = true;
    const total = (statuses?: MatchStatus[]) => client.matchItems(specName, { statuses, offset: 0, limit: 0 }).then((result) => result.total);
    Promise.all([total(), ...ITEMS_ORDER.map((one) => total([one]))])
      .then(([all = 0, ...perStatus]) => {
        if (!isCurrent) return;
        const next: Record<MatchStatus | 'all', number> = { all, matched: 0, matched_diff: 0, ambiguous: 0, left_only: 0, right_only: 0 };
        ITEMS_ORDER.forEach((one, index) => (next[one] = perStatus[index] ?? 0));
        setCounts(next);
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [client, specName, runVersion]);

  const setStatus = useCallback((next: MatchStatus | null) => {
    setStatusState(next);
    setOffset(0);
    setFocused(-1);
  }, []);

  const goToPage = useCallback((next: number) => {
    setOffset(Math.max(0, next));
    setFocused(-1);
  }, []);

  const step = useCallback(
    (direction: 1 | -1): boolean => {
      if (!page) return false;
      for (let index = focused + direction; index >= 0 && index < page.items.length; index += direction) {
        const item = page.items[index];
        if (item && isBreak(item.status)) {
          setFocused(index);
          return true;
        }
      }
      // Breaks sort first, but a filter or a late page can still put the next one on another page.
      if (direction === 1 && offset + PAGE_SIZE < page.total) {
        pendingFocusRef.current = 'first-break';
        setOffset(offset + PAGE_SIZE);
        return true;
      }
      if (direction === -1 && offset > 0) {
        pendingFocusRef.current = 'last-break';
        setOffset(Math.max(0, offset - PAGE_SIZE));
        return true;
      }
      return false;
    },
    [page, focused, offset],
  );

  const expand = useCallback(
    (index: number) => {
      if (specName === null) return;
      const request = requestRef.current;
      client
        .matchItems(specName, { statuses: status ? [status] : undefined, offset: offset + index, limit: 1, rowLimit: EXPANDED_ROW_LIMIT })
        .then((result) => {
          const [item] = result.items;
          if (request !== requestRef.current || !item) return;
          setPage((current) => (current ? { ...current, items: current.items.map((old, at) => (at === index ? item : old)) } : current));
        })
        .catch((failure: unknown) => setError(engineMessage(failure)));
    },
    [client, specName, status, offset],
  );

  return { page, offset, status, counts, isLoading, error, focused, setStatus, goToPage, focus: setFocused, step, expand };
}

/** Array#findLastIndex is ES2023; the renderer targets ES2022. */
function lastBreakIndex(items: ItemsPage['items']): number {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (item && isBreak(item.status)) return index;
  }
  return -1;
}
