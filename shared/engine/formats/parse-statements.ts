import { parseBai2 } from './bai2';
import { parseCamt } from './camt';
import { parseMt940 } from './mt940';
import { parseNacha } from './nacha';
import type { ParsedStatements, StatementFormat } from './statement-model';

/** Decoded text → the normalised model, by format. */
export function parseStatementText(format: StatementFormat, text: string, file: string): ParsedStatements {
  switch (format) {
    case 'bai2':
      return parseBai2(text, file);
    case 'mt940':
    case 'mt942':
      return parseMt940(text, file);
    case 'camt.052':
    case 'camt.053':
    case 'camt.054':
      return parseCamt(text, file);
    case 'nacha':
      return parseNacha(text, file);
  }
}
