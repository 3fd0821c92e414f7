/**
 * The preview's choices as import options. Only what the user changed is
 * sent: an unchanged encoding or delimiter stays "detected", which matters
 * because an explicit delimiter also means "read this as CSV".
 */
import type { ColumnOverride, ColumnType } from '../../../../shared/engine/api';
import type { ImportOverrides } from '../ingest/import-types';

export const ENCODINGS: readonly string[] = ['utf-8', 'windows-1252', 'iso-8859-1', 'cp852', 'utf-16le'];
export const DELIMITERS: readonly { value: string; label: string }[] = [
  { value: ',', label: 'Comma  ,' },
  { value: ';', label: 'Semicolon  ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe  |' },
];
export const COLUMN_TYPES: readonly ColumnType[] = ['text', 'integer', 'decimal', 'date', 'timestamp', 'boolean'];
export const MAX_SCALE = 6;

/** Sets one file-wide option; `undefined` goes back to what was detected. */
export function withOption<K extends keyof ImportOverrides>(current: ImportOverrides, key: K, value: ImportOverrides[K] | undefined): ImportOverrides {
  const next: ImportOverrides = { ...current };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** One column's override; own keys only, since a header may be `__proto__` or `constructor`. */
export function columnOverride(overrides: ImportOverrides, label: string): ColumnOverride | undefined {
  const columns = overrides.columns;
  return columns && Object.hasOwn(columns, label) ? columns[label] : undefined;
}

/** Merges a change into one column's override, dropping it when nothing is left to say. */
export function withColumn(current: ImportOverrides, label: string, change: ColumnOverride): ImportOverrides {
  const merged: ColumnOverride = { ...columnOverride(current, label), ...change };
  if (!merged.skip) delete merged.skip;
  if (merged.type === undefined) delete merged.type;
  if (merged.scale === undefined) delete merged.scale;
  // Rebuilt with fromEntries, which defines each key as data (assignment to `__proto__` would not).
  const others = Object.entries(current.columns ?? {}).filter(([key]) => key !== label);
  const columns = Object.fromEntries(Object.keys(merged).length > 0 ? [...others, [label, merged]] : others);
  const next: ImportOverrides = { ...current, columns };
  if (Object.keys(columns).length === 0) delete next.columns;
  return next;
}

export function delimiterLabel(delimiter: string): string {
  return DELIMITERS.find((candidate) => candidate.value === delimiter)?.label ?? (delimiter === '' ? '—' : JSON.stringify(delimiter));
}
