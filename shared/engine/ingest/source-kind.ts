/**
 * What a file is, from its first bytes (and, for a ZIP, its directory):
 * an XLSX workbook, a bank statement, or text for the CSV path (which tells
 * JSON apart itself). Import and preview both ask here, so they agree.
 */
import type { ByteSource, ImportOptions } from '../api';
import { detectStatementFormat } from '../formats/detect-format';
import type { StatementFormat } from '../formats/statement-model';
import { hasZipMagic, readZipDirectory, type ZipDirectory } from './xlsx/zip-directory';

const HEAD_BYTES = 64 * 1024;

export type SourceKind = { kind: 'xlsx'; zip: ZipDirectory } | { kind: 'statement'; format: StatementFormat } | { kind: 'text' };

export async function detectSourceKind(source: ByteSource, options: Pick<ImportOptions, 'delimiter'>): Promise<SourceKind> {
  if (source.size === 0) return { kind: 'text' };
  const head = await source.read(0, Math.min(source.size, HEAD_BYTES));
  if (hasZipMagic(head)) {
    // Any other ZIP falls through to the CSV path, which names it as binary content.
    const zip = await readZipDirectory(source);
    if (zip?.entries.some((entry) => entry.name === 'xl/workbook.xml')) return { kind: 'xlsx', zip };
    return { kind: 'text' };
  }
  // A delimiter chosen by the user means "read this as CSV".
  if (!options.delimiter) {
    const format = detectStatementFormat(head);
    if (format) return { kind: 'statement', format };
  }
  return { kind: 'text' };
}
