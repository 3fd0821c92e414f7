import { EngineError } from '../errors';

/**
 * sql.js holds the whole database in the WASM heap; past about 3.4 GiB a
 * Chromium worker is killed with no catchable error, taking unsaved work
 * with it. So imports stop cleanly at a budget, with the size they would need.
 */
export interface BudgetCheck {
  file: string;
  budgetBytes: number;
  dbBytesBefore: number;
  dbBytesNow: number;
  bytesRead: number;
  totalBytes: number;
}

const MIN_SHARE_FOR_PROJECTION = 0.02;

export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(1)} GB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(0)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function projectedBytes(check: BudgetCheck): number {
  const grown = check.dbBytesNow - check.dbBytesBefore;
  const share = check.totalBytes > 0 ? check.bytesRead / check.totalBytes : 1;
  return check.dbBytesBefore + (share > 0 ? grown / share : grown);
}

export function enforceBudget(check: BudgetCheck): void {
  const share = check.totalBytes > 0 ? check.bytesRead / check.totalBytes : 1;
  const projected = projectedBytes(check);
  const isOver = check.dbBytesNow > check.budgetBytes || (share >= MIN_SHARE_FOR_PROJECTION && projected > check.budgetBytes);
  if (!isOver) return;
  const needed = Math.max(projected, check.dbBytesNow);
  throw new EngineError(
    'budget-exceeded',
    `This file needs about ${formatBytes(needed)} of database space, over the ${formatBytes(check.budgetBytes)} budget ` +
      `(the in-memory engine is stopped there so the app cannot crash). Load fewer columns, or split the file by date.`,
    { file: check.file },
  );
}
