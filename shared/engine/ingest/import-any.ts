import type { ByteSource, ImportHooks, ImportOptions, ImportReport } from '../api';
import type { EngineContext } from '../context';
import { loadStatements } from '../formats/load-statements';
import { importCsv } from './import-csv';
import { detectSourceKind } from './source-kind';
import { loadXlsx } from './xlsx/import-xlsx';

/**
 * One entry point for every file: bank statements (BAI2, MT940/MT942,
 * camt.05x, NACHA) are recognised by content, not by extension (banks name
 * them .txt, .sta, .mta, .xml, .ach or nothing), and go to the statement
 * loader; XLSX workbooks by their ZIP directory; everything else is CSV. A
 * delimiter chosen by the user means "read this as CSV", so statement
 * detection is skipped then.
 */
export async function importAny(context: EngineContext, source: ByteSource, options: ImportOptions, hooks: ImportHooks = {}): Promise<ImportReport> {
  const kind = await detectSourceKind(source, options);
  if (kind.kind === 'xlsx') return (await loadXlsx(context, source, kind.zip, options, hooks)).report;
  if (kind.kind === 'statement') return loadStatements(context, source, options, hooks, kind.format);
  return importCsv(context, source, options, hooks);
}
