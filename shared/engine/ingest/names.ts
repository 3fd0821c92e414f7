/**
 * SQL-safe, unique names for tables and columns. The original header is kept
 * as the column's label; only the name changes.
 */

const RESERVED_COLUMN_NAMES = new Set(['rowid', 'oid', '_rowid_']);
const MAX_NAME_LENGTH = 60;

export function sanitizeName(raw: string, fallback: string): string {
  let name = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (name === '') name = fallback;
  if (/^[0-9]/.test(name)) name = `c_${name}`;
  return name.slice(0, MAX_NAME_LENGTH);
}

export interface SanitizedColumn {
  name: string;
  label: string;
  /** Why the name differs from the label in more than case and punctuation, if it does. */
  reason: string | null;
}

export function sanitizeColumnNames(labels: string[]): SanitizedColumn[] {
  const used = new Set<string>();
  return labels.map((label, index) => {
    const fallback = `column_${index + 1}`;
    let base = sanitizeName(label, fallback);
    let reason: string | null = label.trim() === '' ? 'empty header' : null;
    if (RESERVED_COLUMN_NAMES.has(base)) {
      base = `${base}_col`;
      reason = 'reserved by SQLite';
    }
    let name = base;
    for (let n = 2; used.has(name); n++) {
      name = `${base}_${n}`;
      reason = 'duplicate header';
    }
    used.add(name);
    return { name, label, reason };
  });
}

/** A table name from a file name, unique among `existing`. */
export function tableNameFor(fileName: string, existing: Iterable<string>): string {
  const stem = fileName.replace(/\.[^./\\]+$/, '');
  let base = sanitizeName(stem, 'table');
  if (base.startsWith('sqlite_') || base.startsWith('_wb_')) base = `t_${base}`;
  const taken = new Set([...existing].map((name) => name.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
