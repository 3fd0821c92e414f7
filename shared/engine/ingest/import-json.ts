/**
 * JSON exports (Braintree's GraphQL search results): an array of flat-ish
 * objects becomes one table. Nested objects flatten to `a.b` columns, arrays
 * stay as JSON text in one cell. The records are written out as CSV and
 * loaded through the CSV path, so typing, profiles and the report are the
 * same as for any other file.
 */
import type { ByteSource, ImportHooks, ImportOptions, ImportReport } from '../api';
import type { EngineContext } from '../context';
import { EngineError } from '../errors';
import { JsonNumber, JsonSyntaxError, parseJsonExact, stringifyExact, type JsonValue } from './json-text';
import { createEncoder, decodeUtf8 } from './text-codec';

const MAX_JSON_BYTES = 256 * 1024 * 1024;

type ImportCsv = (context: EngineContext, source: ByteSource, options: ImportOptions, hooks?: ImportHooks) => Promise<ImportReport>;

/** A file whose first non-blank character opens a JSON array or object. */
export function looksLikeJson(head: Uint8Array, bomBytes: number): boolean {
  for (let i = bomBytes; i < head.length; i++) {
    const byte = head[i]!;
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x5b || byte === 0x7b;
  }
  return false;
}

function records(root: JsonValue, file: string): Map<string, JsonValue>[] {
  let list: JsonValue[] | null = Array.isArray(root) ? root : null;
  if (root instanceof Map) {
    // `{"data": [...]}`-style envelopes: the first array of objects is the table; a lone object is one row.
    const inner = [...root.values()].find((value) => Array.isArray(value) && value.some((item) => item instanceof Map));
    list = Array.isArray(inner) ? inner : [root];
  }
  if (!list || list.length === 0) throw new EngineError('no-data-rows', 'The JSON holds no records (an empty array).', { file });
  return list.map((item, index) => {
    if (!(item instanceof Map)) throw new EngineError('bad-input', `JSON record ${index + 1} is not an object, so it cannot be a table row.`, { file });
    return item;
  });
}

function flatten(record: Map<string, JsonValue>, prefix: string, into: Map<string, string>): void {
  for (const [key, value] of record) {
    const name = `${prefix}${key}`;
    if (value instanceof Map) flatten(value, `${name}.`, into);
    else if (Array.isArray(value)) into.set(name, stringifyExact(value));
    else if (value instanceof JsonNumber) into.set(name, value.text);
    else if (value === null) into.set(name, '');
    else into.set(name, String(value));
  }
}

function csvCell(text: string): string {
  return text === '' ? '' : `"${text.replace(/"/g, '""')}"`;
}

export async function importJson(context: EngineContext, source: ByteSource, options: ImportOptions, hooks: ImportHooks, importCsv: ImportCsv): Promise<ImportReport> {
  const file = source.name;
  if (source.size > MAX_JSON_BYTES) throw new EngineError('field-too-large', `JSON files are read whole; this one is over ${MAX_JSON_BYTES >> 20} MB. Export it as CSV instead.`, { file });
  let text = decodeUtf8(await source.read(0, source.size));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let root: JsonValue;
  try {
    root = parseJsonExact(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new EngineError('bad-input', `Not valid JSON: ${error.message}.`, { file, line: error.line });
    throw error;
  }
  const rows = records(root, file).map((record) => {
    const flat = new Map<string, string>();
    flatten(record, '', flat);
    return flat;
  });
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) for (const key of row.keys()) if (!seen.has(key)) seen.add(key), columns.push(key);
  const lines = [columns.map((column) => csvCell(column)).join(','), ...rows.map((row) => columns.map((column) => csvCell(row.get(column) ?? '')).join(','))];
  const bytes = createEncoder().encode(`${lines.join('\n')}\n`);
  const csv: ByteSource = { name: source.name, size: bytes.length, read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)) };
  // Encoding, delimiter and header line describe the CSV we wrote, not the user's file.
  const report = await importCsv(context, csv, { ...options, encoding: undefined, delimiter: undefined, headerLine: undefined }, hooks);
  const table = { ...report.table, sizeBytes: source.size };
  context.catalog.put(table);
  const shape = `JSON array of ${rows.length} object(s), flattened to ${columns.length} columns`;
  return {
    ...report,
    table,
    detected: report.table.profile ? `${report.table.profile} (${shape})` : shape,
    warnings: [...report.warnings.map((warning) => warning.replace(/\bline (\d+)/g, (_, n: string) => `record ${Number(n) - 1}`))],
  };
}
