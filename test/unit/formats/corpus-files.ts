import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeStatementBytes } from '../../../shared/engine/formats/decode-statement';
import { detectStatementFormat } from '../../../shared/engine/formats/detect-format';
import { parseStatementText } from '../../../shared/engine/formats/parse-statements';
import type { EntryRecord, ParsedStatements } from '../../../shared/engine/formats/statement-model';

/** The shared corpus sits beside the repository (never copied into it: several files are GPL/AGPL). */
export const CORPUS_DIR = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

export function corpusBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(CORPUS_DIR + path));
}

export function corpusText(path: string): string {
  return readFileSync(CORPUS_DIR + path, 'utf8');
}

/** Detect, decode and parse a corpus file the way the loader does. */
export function parseCorpus(path: string): ParsedStatements & { encoding: string } {
  const bytes = corpusBytes(path);
  const format = detectStatementFormat(bytes);
  if (!format) throw new Error(`${path} was not detected as a statement file`);
  const name = path.split('/').pop()!;
  const decoded = decodeStatementBytes(bytes, format, name);
  return { ...parseStatementText(format, decoded.text, name), encoding: decoded.encoding };
}

export function totalsByCurrency(entries: EntryRecord[]): Record<string, bigint> {
  const totals: Record<string, bigint> = {};
  for (const entry of entries) totals[entry.currency] = (totals[entry.currency] ?? 0n) + entry.amountMinor;
  return totals;
}

export function warningText(parsed: ParsedStatements): string[] {
  return parsed.warnings.map((warning) => warning.message);
}

/** The error a synchronous call throws (fails the test if it returns). */
export function thrownBy(run: () => unknown): { code: string; message: string; location?: { file: string; line?: number; column?: number } } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string; location?: { file: string; line?: number; column?: number } };
  }
  throw new Error('expected an error');
}
