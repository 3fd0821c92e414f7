/**
 * Summary rows at the end of a file (`Total;30,00`, `Records: 2`,
 * `Summe;…`): recognised only at the very end, so a short row in the middle
 * of a file is still the error it always was, and a row with too MANY fields
 * is never taken for a summary.
 */
import type { CsvScanner } from './csv-scanner';
import { cellText } from './sections';

const SUMMARY_WORD = /^\s*(grand total|totals?|subtotal|summe|gesamt(summe)?|sum|records?|record count|anzahl|saldo|endsaldo|schlusssaldo|closing balance|opening balance|end(ing)? balance)\b/i;

export function isTrailerCandidate(scanner: CsvScanner, buf: Uint8Array, length: number, row: number, width: number): boolean {
  const first = scanner.rowFirstField[row]!;
  const count = scanner.rowFirstField[row + 1]! - first;
  if (count > width) return false;
  if (count < width) return true;
  // Same width: only when the first non-empty cell says it sums something up.
  for (let f = first; f < first + Math.min(count, 3); f++) {
    if (scanner.fieldEnd[f]! <= scanner.fieldStart[f]!) continue;
    return SUMMARY_WORD.test(cellText(scanner, buf, length, f));
  }
  return false;
}
