/**
 * An XLSX worksheet → one table. The archive's directory is checked against
 * the size and compression-ratio limits before anything is unpacked; the
 * host's reader (read-excel-file) gives the cells; they become CSV text and
 * load through the CSV path, so typing and reporting are the same as for
 * any other file. Line numbers in the report are mapped back to sheet rows.
 */
import type { ByteSource, ImportHooks, ImportOptions, ImportReport } from '../../api';
import type { EngineContext } from '../../context';
import { EngineError } from '../../errors';
import { importCsv } from '../import-csv';
import { sheetToCsv, type SheetCsv } from './sheet-csv';
import { inspectSheet, listSheets, type SheetMarkup, type SheetRef } from './workbook';
import type { ZipDirectory } from './zip-directory';

/** RELIABILITY §4 case 40: refuse what would unpack past this, or compresses suspiciously well. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
export const MAX_XLSX_RATIO = 100;
const READ_BYTES = 16 * 1024 * 1024;

export interface XlsxLoad {
  report: ImportReport;
  sheets: string[];
  sheet: string;
  /** The conversion stopped at `maxCsvBytes` (a preview). */
  isTruncated: boolean;
}

export async function loadXlsx(context: EngineContext, source: ByteSource, zip: ZipDirectory, options: ImportOptions, hooks: ImportHooks = {}, maxCsvBytes?: number): Promise<XlsxLoad> {
  const file = source.name;
  checkLimits(zip, source);
  if (!context.xlsx) throw new EngineError('bad-input', 'XLSX workbooks open in the app and in the recon CLI; this host has no XLSX reader.', { file });
  const sheets = await listSheets(source, zip);
  const sheet = chooseSheet(sheets, options.sheet, file);
  const bytes = await readAll(source, hooks);
  let rows;
  try {
    rows = await context.xlsx.readSheet(bytes, sheet.name);
  } catch (error) {
    throw new EngineError('bad-input', `The workbook could not be read: ${error instanceof Error ? error.message : String(error)}.`, { file });
  }
  const markup = await inspectSheet(source, zip, sheet);
  const csv = sheetToCsv(rows, maxCsvBytes);
  if (csv.rows === 0) throw new EngineError('no-data-rows', `Worksheet "${sheet.name}" is empty.`, { file });
  const csvSource: ByteSource = { name: file, size: csv.bytes.length, read: (offset, length) => Promise.resolve(csv.bytes.subarray(offset, offset + length)) };
  const inner: ImportOptions = { ...options, delimiter: ',', encoding: 'utf-8', headerLine: options.headerLine ? lineOfRow(csv, options.headerLine) : options.headerLine };
  const scaled: ImportHooks = {
    ...hooks,
    // The CSV is not the file: progress is reported against the workbook's size.
    onProgress: hooks.onProgress && ((p) => hooks.onProgress?.({ ...p, bytesRead: Math.round((p.bytesRead / Math.max(1, p.totalBytes)) * source.size), totalBytes: source.size })),
  };
  let report: ImportReport;
  try {
    report = await importCsv(context, csvSource, inner, scaled);
  } catch (error) {
    throw error instanceof EngineError ? atRow(error, csv) : error;
  }
  return { report: toSheetReport(context, report, source, csv, sheet, sheets, markup), sheets: sheets.map((candidate) => candidate.name), sheet: sheet.name, isTruncated: csv.isTruncated };
}

function checkLimits(zip: ZipDirectory, source: ByteSource): void {
  const file = source.name;
  const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
  if (zip.uncompressedBytes > MAX_XLSX_UNCOMPRESSED_BYTES) {
    throw new EngineError('bad-input', `This workbook unpacks to ${megabytes(zip.uncompressedBytes)}, over the ${megabytes(MAX_XLSX_UNCOMPRESSED_BYTES)} limit for XLSX files. Export the sheet as CSV instead.`, { file });
  }
  const ratio = zip.uncompressedBytes / Math.max(1, source.size);
  if (ratio > MAX_XLSX_RATIO) {
    throw new EngineError('bad-input', `This workbook unpacks to ${Math.round(ratio)} times its size (the limit is ${MAX_XLSX_RATIO}): refused as a possible zip bomb.`, { file });
  }
}

/** The sheet asked for, else the first visible one (hidden sheets are usually lookups). */
function chooseSheet(sheets: SheetRef[], wanted: string | undefined, file: string): SheetRef {
  if (wanted === undefined) return sheets.find((sheet) => !sheet.isHidden) ?? sheets[0]!;
  const found = sheets.find((sheet) => sheet.name === wanted);
  if (!found) throw new EngineError('bad-input', `The workbook has no worksheet "${wanted}"; it has ${sheets.map((sheet) => `"${sheet.name}"`).join(', ')}.`, { file });
  return found;
}

async function readAll(source: ByteSource, hooks: ImportHooks): Promise<Uint8Array> {
  const bytes = new Uint8Array(source.size);
  for (let offset = 0; offset < source.size; ) {
    if (hooks.isCancelled?.()) throw new EngineError('cancelled', 'Import cancelled; nothing was loaded.', { file: source.name });
    const chunk = await source.read(offset, Math.min(READ_BYTES, source.size - offset));
    if (chunk.length === 0) throw new EngineError('bad-input', `The file ended after ${offset} of ${source.size} bytes while reading: did it change?`, { file: source.name });
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function rowOf(csv: SheetCsv, line: number): number {
  return csv.rowOfLine ? (csv.rowOfLine[line - 1] ?? line) : line;
}

function lineOfRow(csv: SheetCsv, row: number): number {
  if (!csv.rowOfLine) return row;
  const index = csv.rowOfLine.indexOf(row);
  return index < 0 ? row : index + 1;
}

function rowsInText(text: string, csv: SheetCsv): string {
  return text.replace(/\b([Ll])ines? (\d+)/g, (_, l: string, n: string) => `${l === 'L' ? 'R' : 'r'}ow ${rowOf(csv, Number(n))}`);
}

function atRow(error: EngineError, csv: SheetCsv): EngineError {
  const where = error.location;
  const location = where ? { ...where, ...(where.line !== undefined ? { line: rowOf(csv, where.line) } : {}) } : undefined;
  return new EngineError(error.code, rowsInText(error.message, csv), location);
}

function toSheetReport(context: EngineContext, report: ImportReport, source: ByteSource, csv: SheetCsv, sheet: SheetRef, sheets: SheetRef[], markup: SheetMarkup): ImportReport {
  const table = { ...report.table, sizeBytes: source.size, delimiter: '', headerLine: report.table.headerLine > 0 ? rowOf(csv, report.table.headerLine) : 0 };
  context.catalog.put(table);
  const columns = table.columns.filter((column) => column.role !== 'raw' && column.role !== 'derived').length;
  const shape = `XLSX worksheet "${sheet.name}" (${columns} columns)`;
  const hidden = sheets.filter((candidate) => candidate.isHidden).map((candidate) => `"${candidate.name}"`);
  const notes = [
    ...(sheets.length > 1 ? [`The workbook has ${sheets.length} worksheets; "${sheet.name}" was loaded.${hidden.length ? ` Hidden: ${hidden.join(', ')}.` : ''}`] : []),
    ...(markup.formulaCells ? [`${markup.formulaCells} formula cell(s): their values as last calculated in the spreadsheet were loaded.`] : []),
    ...(markup.hiddenRows || markup.hiddenColumns ? [`${markup.hiddenRows} hidden row(s) and ${markup.hiddenColumns} hidden column(s) were loaded like the visible ones.`] : []),
    ...(markup.mergedRanges ? [`${markup.mergedRanges} merged cell range(s): only each range's first cell holds the value.`] : []),
    ...(csv.roundedNumbers ? [`${csv.roundedNumbers} number(s) stored as binary doubles (like 1234.5600000000001) were read at the decimals they were meant to have (within 1e-9 of a minor unit).`] : []),
    ...(csv.impreciseNumbers
      ? [`${csv.impreciseNumbers} number(s) carry more digits than can be exact (over 15 significant digits or 6 decimals) and were kept as text: the spreadsheet stored them as binary doubles.`]
      : []),
  ];
  return {
    ...report,
    table,
    detected: table.profile ? `${table.profile} (${shape})` : shape,
    coercedSamples: report.coercedSamples.map((cell) => ({ ...cell, line: rowOf(csv, cell.line) })),
    ...(report.rejectedRows ? { rejectedRows: report.rejectedRows.map((row) => ({ ...row, line: rowOf(csv, row.line), reason: rowsInText(row.reason, csv) })) } : {}),
    ...(report.metadata ? { metadata: report.metadata.map((entry) => ({ ...entry, line: rowOf(csv, entry.line) })) } : {}),
    ...(report.controlTotals ? { controlTotals: report.controlTotals.map((check) => ({ ...check, line: rowOf(csv, check.line) })) } : {}),
    warnings: [...notes, ...report.warnings.map((warning) => rowsInText(warning, csv))],
  };
}
