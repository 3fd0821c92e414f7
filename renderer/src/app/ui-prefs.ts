/**
 * Renderer-only preferences that the shared Settings schema has no field for
 * (the last selected table). Kept in localStorage, which both hosts have;
 * failures are ignored because a lost preference must never break the app.
 */
const LAST_TABLE_KEY = 'recon-workbench.last-table';

export function readLastTable(): string | null {
  try {
    return window.localStorage.getItem(LAST_TABLE_KEY);
  } catch {
    return null;
  }
}

export function writeLastTable(name: string | null): void {
  try {
    if (name === null) window.localStorage.removeItem(LAST_TABLE_KEY);
    else window.localStorage.setItem(LAST_TABLE_KEY, name);
  } catch {
    // Storage disabled or full: the preference is simply not remembered.
  }
}
