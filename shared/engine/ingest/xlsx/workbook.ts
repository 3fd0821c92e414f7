/**
 * What a workbook holds besides cell values, read from its XML parts: the
 * worksheets (and which are hidden), and in the chosen sheet the formula
 * cells, hidden rows and columns and merged ranges, which the report names
 * because the loaded values alone would not show them.
 */
import type { ByteSource } from '../../api';
import { EngineError } from '../../errors';
import { decodeUtf8 } from '../text-codec';
import type { ZipDirectory, ZipEntry } from './zip-directory';
import { inflateEntry } from './zip-inflate';

export interface SheetRef {
  name: string;
  isHidden: boolean;
  /** Path of the sheet's XML inside the archive, when the relationships name it. */
  path: string | null;
}

export interface SheetMarkup {
  formulaCells: number;
  hiddenRows: number;
  hiddenColumns: number;
  mergedRanges: number;
}

function entryNamed(zip: ZipDirectory, name: string): ZipEntry | undefined {
  return zip.entries.find((entry) => entry.name === name);
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? whole;
  });
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(match[1]!, unescapeXml(match[2] ?? match[3] ?? ''));
  return found;
}

export async function listSheets(source: ByteSource, zip: ZipDirectory): Promise<SheetRef[]> {
  const workbook = entryNamed(zip, 'xl/workbook.xml');
  if (!workbook) throw new EngineError('bad-input', 'This ZIP archive has no xl/workbook.xml, so it is not an XLSX workbook.', { file: source.name });
  const xml = decodeUtf8(await inflateEntry(source, workbook));
  const rels = entryNamed(zip, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  if (rels) {
    for (const match of decodeUtf8(await inflateEntry(source, rels)).matchAll(/<Relationship\b[^>]*>/g)) {
      const attrs = attributes(match[0]);
      const id = attrs.get('Id');
      const target = attrs.get('Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  const sheets: SheetRef[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const attrs = attributes(match[0]);
    const name = attrs.get('name');
    if (name === undefined) continue;
    const state = attrs.get('state');
    const id = [...attrs].find(([key]) => key === 'r:id' || key.endsWith(':id'))?.[1];
    sheets.push({ name, isHidden: state === 'hidden' || state === 'veryHidden', path: (id && targets.get(id)) ?? null });
  }
  if (sheets.length === 0) throw new EngineError('no-data-rows', 'The workbook has no worksheets.', { file: source.name });
  return sheets;
}

/** Counts markup in the sheet's XML bytes without building the document (it can be large). */
export async function inspectSheet(source: ByteSource, zip: ZipDirectory, sheet: SheetRef): Promise<SheetMarkup> {
  const markup: SheetMarkup = { formulaCells: 0, hiddenRows: 0, hiddenColumns: 0, mergedRanges: 0 };
  const entry = sheet.path ? entryNamed(zip, sheet.path) : undefined;
  if (!entry) return markup;
  const xml = await inflateEntry(source, entry);
  for (let i = xml.indexOf(0x3c); i >= 0 && i < xml.length; i = xml.indexOf(0x3c, i + 1)) {
    const name = tagName(xml, i + 1);
    if (name === 'f') markup.formulaCells++;
    else if (name === 'mergeCell') markup.mergedRanges++;
    else if ((name === 'row' || name === 'col') && isHiddenTag(xml, i)) {
      if (name === 'row') markup.hiddenRows++;
      else markup.hiddenColumns++;
    }
  }
  return markup;
}

/** The element name starting at `at` (no namespace prefix handling: sheet XML uses the default namespace). */
function tagName(xml: Uint8Array, at: number): string {
  let end = at;
  while (end < xml.length && end - at < 12) {
    const byte = xml[end]!;
    if (byte === 0x20 || byte === 0x3e || byte === 0x2f || byte === 0x0a || byte === 0x0d || byte === 0x09) break;
    end++;
  }
  return String.fromCharCode(...xml.subarray(at, end));
}

function isHiddenTag(xml: Uint8Array, at: number): boolean {
  const end = xml.indexOf(0x3e, at);
  if (end < 0) return false;
  const hidden = attributes(decodeUtf8(xml.subarray(at, end))).get('hidden');
  return hidden === '1' || hidden === 'true';
}
