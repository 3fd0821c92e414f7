import type { ByteSource, ImportHooks, ImportOptions, ImportReport } from '../api';
import type { EngineContext } from '../context';
import { detectStatementFormat } from '../formats/detect-format';
import { loadStatements } from '../formats/load-statements';
import { importCsv } from './import-csv';

const HEAD_BYTES = 64 * 1024;

/**
 * One entry point for every file: bank statements (BAI2, MT940/MT942,
 * camt.05x, NACHA) are recognised by content, not by extension (banks name
 * them .txt, .sta, .mta, .xml, .ach or nothing), and go to the statement
 * loader; everything else is CSV. A delimiter chosen by the user means
 * "read this as CSV", so detection is skipped then.
 */
export async function importAny(context: EngineContext, source: ByteSource, options: ImportOptions, hooks: ImportHooks = {}): Promise<ImportReport> {
  if (source.size > 0 && !options.delimiter) {
    const head = await source.read(0, Math.min(source.size, HEAD_BYTES));
    const format = detectStatementFormat(head);
    if (format) return loadStatements(context, source, options, hooks, format);
  }
  return importCsv(context, source, options, hooks);
}
