/**
 * previewFile: the import the user is about to run, done on a sample in a
 * throwaway database the host opens from the same sql.js runtime, then
 * closed. The case database is never touched. A sample that fails to load
 * is not an exception here: the preview carries the error with its line,
 * next to what the head says, so the user can change an option and retry.
 */
import type { ByteSource, ImportOptions, ImportPreview, ImportReport } from '../../api';
import type { EngineContext } from '../../context';
import { EngineError, serializeEngineError } from '../../errors';
import { loadStatements } from '../../formats/load-statements';
import { detectEncoding } from '../detect-encoding';
import { importCsv } from '../import-csv';
import { looksLikeJson } from '../import-json';
import { detectSourceKind, type SourceKind } from '../source-kind';
import { loadXlsx } from '../xlsx/import-xlsx';
import { listSheets } from '../xlsx/workbook';
import { cutBeforeLine, cutSample, describeHead, PREVIEW_BYTES, type Sample } from './preview-sample';
import { previewColumns } from './preview-values';

const PREVIEW_COERCED = 50;
const ENCODING_LABEL_UTF8 = /^utf-?8$/i;

interface Loaded {
  report: ImportReport;
  sourceFormat: ImportPreview['sourceFormat'];
  bytesSampled: number;
  isTruncated: boolean;
  sheets?: string[];
  sheet?: string;
}

export async function previewFile(openScratch: () => EngineContext, source: ByteSource, options: ImportOptions): Promise<ImportPreview> {
  const context = openScratch();
  try {
    const loaded = await load(context, source, options);
    return fromReport(context, source, options, loaded);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return failed(source, options, error);
  } finally {
    context.sqlite.db.close();
  }
}

/** Skipped columns are loaded in the sample all the same, so the preview can still show them. */
function sampleOptions(options: ImportOptions): ImportOptions {
  if (!options.columns) return options;
  const columns = Object.fromEntries(Object.entries(options.columns).map(([label, override]) => [label, { ...override, skip: false }]));
  return { ...options, columns };
}

async function load(context: EngineContext, source: ByteSource, options: ImportOptions): Promise<Loaded> {
  const kind = await detectSourceKind(source, options);
  const sampled = sampleOptions(options);
  if (kind.kind === 'xlsx') {
    const xlsx = await loadXlsx(context, source, kind.zip, sampled, {}, PREVIEW_BYTES);
    return { report: xlsx.report, sourceFormat: 'xlsx', bytesSampled: source.size, isTruncated: xlsx.isTruncated, sheets: xlsx.sheets, sheet: xlsx.sheet };
  }
  // Statements and JSON are parsed whole by the import too: a cut would only break their structure.
  if (kind.kind === 'statement') return { report: await loadStatements(context, source, sampled, {}, kind.format), sourceFormat: 'statement', bytesSampled: source.size, isTruncated: false };
  if (await isJson(source, options)) return { report: await importCsv(context, source, sampled), sourceFormat: 'json', bytesSampled: source.size, isTruncated: false };
  let sample = await cutSample(source, options);
  try {
    return { report: await importCsv(context, sample.source, sampled), sourceFormat: 'csv', bytesSampled: sample.bytes, isTruncated: sample.isTruncated };
  } catch (error) {
    // The cut may have landed inside a quoted value that the full file closes: drop that record and retry once.
    const retry = await retrySample(error, sample, options, source);
    if (!retry) throw error;
    sample = retry;
    return { report: await importCsv(context, sample.source, sampled), sourceFormat: 'csv', bytesSampled: sample.bytes, isTruncated: true };
  }
}

async function retrySample(error: unknown, sample: Sample, options: ImportOptions, source: ByteSource): Promise<Sample | null> {
  const line = error instanceof EngineError && error.code === 'unclosed-quote' ? error.location?.line : undefined;
  if (!sample.isTruncated || line === undefined) return null;
  const facts = await describeHead(source, options);
  return cutBeforeLine(sample, line, facts.encoding);
}

/** The same test importCsv makes (UTF-8 text opening an array or object); JSON is read whole, so it is not cut. */
async function isJson(source: ByteSource, options: ImportOptions): Promise<boolean> {
  // An unknown encoding label is not JSON either: the import reports the label.
  if (options.encoding && !ENCODING_LABEL_UTF8.test(options.encoding.trim())) return false;
  const head = await source.read(0, Math.min(source.size, 64 * 1024));
  const guess = detectEncoding(head);
  return guess.encoding === 'utf-8' && looksLikeJson(head, guess.bomBytes);
}

function fromReport(context: EngineContext, source: ByteSource, options: ImportOptions, loaded: Loaded): ImportPreview {
  const { report } = loaded;
  const table = report.table;
  const preview: ImportPreview = {
    file: source.name,
    sizeBytes: source.size,
    sourceFormat: loaded.sourceFormat,
    detected: report.detected ?? 'CSV',
    encoding: table.encoding,
    delimiter: table.delimiter,
    headerLine: table.headerLine,
    preambleLines: report.preambleLines,
    columns: previewColumns(context, table, options.columns ?? {}),
    coercedTotal: report.coercedTotal,
    coercedCells: report.coercedSamples.slice(0, PREVIEW_COERCED),
    rejectedRows: report.rejectedRows ?? [],
    rejectedTotal: report.rejectedTotal ?? 0,
    controlTotals: report.controlTotals ?? [],
    warnings: report.warnings,
    rowsSampled: report.rows,
    bytesSampled: loaded.bytesSampled,
    isTruncated: loaded.isTruncated,
    extraTables: (report.extraTables ?? []).map((extra) => ({ name: extra.name, rows: extra.rowCount })),
  };
  if (loaded.sheets) preview.sheets = loaded.sheets;
  if (loaded.sheet !== undefined) preview.sheet = loaded.sheet;
  return preview;
}

async function failed(source: ByteSource, options: ImportOptions, error: EngineError): Promise<ImportPreview> {
  const kind: SourceKind = await detectSourceKind(source, options).catch(() => ({ kind: 'text' }));
  const facts = kind.kind === 'text' ? await describeHead(source, options) : { encoding: options.encoding ?? '', delimiter: '', headerLine: 0, preambleLines: 0 };
  // A workbook whose chosen sheet fails still offers its other sheets.
  const sheets = kind.kind === 'xlsx' ? await listSheets(source, kind.zip).catch(() => null) : null;
  const sheet = options.sheet ?? sheets?.find((candidate) => !candidate.isHidden)?.name;
  return {
    file: source.name,
    sizeBytes: source.size,
    sourceFormat: kind.kind === 'xlsx' ? 'xlsx' : kind.kind === 'statement' ? 'statement' : 'csv',
    detected: kind.kind === 'statement' ? kind.format.toUpperCase() : kind.kind === 'xlsx' ? 'XLSX workbook' : 'CSV',
    ...facts,
    columns: [],
    coercedTotal: 0,
    coercedCells: [],
    rejectedRows: [],
    rejectedTotal: 0,
    controlTotals: [],
    warnings: [],
    rowsSampled: 0,
    bytesSampled: Math.min(source.size, PREVIEW_BYTES),
    isTruncated: source.size > PREVIEW_BYTES,
    extraTables: [],
    ...(sheets ? { sheets: sheets.map((candidate) => candidate.name) } : {}),
    ...(sheet !== undefined ? { sheet } : {}),
    error: serializeEngineError(error),
  };
}
