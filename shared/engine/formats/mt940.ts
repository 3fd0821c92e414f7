import { EngineError } from '../errors';
import { decimalToMinor, formatMinor, fullYear, isoDate } from './amount-text';
import { checkRunningBalance } from './balance-check';
import { currencyExponent } from './currency-exponents';
import { parseInformation, parseStatementLine } from './mt940-details';
import type { EntryRecord, ParsedStatements, StatementRecord, StatementWarning } from './statement-model';
import { fieldText, splitSwiftMessages, type SwiftField, type SwiftMessage } from './swift-messages';

/**
 * SWIFT MT940 (customer statement) and MT942 (interim report). Each message
 * is one statement: :60F:/:60M: opening, :61: + :86: entries, :62F:/:62M:
 * closing. opening + Σ entries = closing is checked per statement, and so is
 * the chain from one page's closing to the next page's opening for the same
 * account; both produce warnings with the numbers. A statement that lacks
 * its balances is a cut file and is refused with its location.
 */

interface Balance {
  amount: bigint;
  currency: string;
  date: string | null;
}

const BALANCE = /^([CD])(\d{2})(\d{2})(\d{2})([A-Z]{3})(\d[\d,]*)$/;

export function parseMt940(text: string, file: string): ParsedStatements {
  const messages = splitSwiftMessages(text).filter((message) => message.fields.some((field) => field.tag === '20' || field.tag === '61'));
  if (messages.length === 0) throw new EngineError('bad-input', 'No MT940 statement found: no :20: field.', { file, line: 1 });
  const isInterim = !messages.some((message) => message.fields.some((field) => field.tag === '60F' || field.tag === '60M'));
  const statements: StatementRecord[] = [];
  const entries: EntryRecord[] = [];
  const warnings: StatementWarning[] = [];
  let previous: StatementRecord | null = null;
  for (const message of messages) {
    const ordinal = statements.length + 1;
    const { statement, items } = isInterim ? interimStatement(message, ordinal, file, warnings) : fullStatement(message, ordinal, file, warnings);
    statements.push(statement);
    entries.push(...items);
    if (!isInterim) {
      const mismatch = checkRunningBalance(statement, items.map((item) => item.amountMinor), ':62F:/:62M:');
      if (mismatch) warnings.push(mismatch);
      if (previous && previous.account === statement.account && previous.currency === statement.currency && previous.closingBalanceMinor !== statement.openingBalanceMinor) {
        const money = (value: bigint | null) => (value === null ? 'none' : formatMinor(value, statement.currency));
        warnings.push({
          message: `Statement ${statement.statementId} opens at ${money(statement.openingBalanceMinor)} but the previous statement ${previous.statementId} for account ${statement.account} closed at ${money(previous.closingBalanceMinor)}.`,
          line: statement.sourceLine,
        });
      }
    }
    previous = statement;
  }
  return { format: isInterim ? 'mt942' : 'mt940', statements, entries, warnings };
}

function fullStatement(message: SwiftMessage, ordinal: number, file: string, warnings: StatementWarning[]) {
  const openingField = message.fields.find((field) => field.tag === '60F' || field.tag === '60M');
  const closingField = message.fields.find((field) => field.tag === '62F' || field.tag === '62M');
  const end = message.terminated ? '' : ' and no "-" end marker: the file looks cut off';
  if (!openingField) throw new EngineError('bad-input', `The statement starting on line ${message.line} has no opening balance (:60F:/:60M:)${end}.`, { file, line: message.lastLine });
  if (!closingField) throw new EngineError('bad-input', `The statement starting on line ${message.line} has no closing balance (:62F:/:62M:)${end}.`, { file, line: message.lastLine });
  const opening = balance(openingField, file);
  const closing = balance(closingField, file);
  if (closing.currency !== opening.currency) throw new EngineError('bad-input', `The closing balance is in ${closing.currency} but the opening balance in ${opening.currency}.`, { file, line: closingField.line });
  const statement = header(message, ordinal, opening.currency);
  statement.openingBalanceMinor = opening.amount;
  statement.openingDate = opening.date;
  statement.closingBalanceMinor = closing.amount;
  statement.closingDate = closing.date;
  const items = statementEntries(message, statement, opening.currency, file, warnings);
  statement.entryCount = items.length;
  return { statement, items };
}

/** MT942 has no balances; its :90D:/:90C: give the number and sum of debits and credits, which are checked. */
function interimStatement(message: SwiftMessage, ordinal: number, file: string, warnings: StatementWarning[]) {
  const currency = /([A-Z]{3})/.exec(fieldValue(message, '34F') ?? fieldValue(message, '90D') ?? fieldValue(message, '90C') ?? '')?.[1];
  if (!currency) throw new EngineError('bad-input', `The MT942 report starting on line ${message.line} names no currency (:34F:, :90D: or :90C:).`, { file, line: message.line });
  const statement = header(message, ordinal, currency);
  const items = statementEntries(message, statement, currency, file, warnings);
  statement.entryCount = items.length;
  for (const [tag, direction] of [['90D', 'debit'], ['90C', 'credit']] as const) {
    const field = message.fields.find((candidate) => candidate.tag === tag);
    const match = field ? /^(\d+)([A-Z]{3})(\d[\d,]*)$/.exec(fieldText(field).trim()) : null;
    if (!field || !match) continue;
    const declared = decimalToMinor(match[3]!, currencyExponent(currency), ',');
    const chosen = items.filter((item) => item.direction === direction);
    const sum = chosen.reduce((total, item) => total + (item.amountMinor < 0n ? -item.amountMinor : item.amountMinor), 0n);
    if (Number(match[1]) !== chosen.length || ('value' in declared && declared.value !== sum)) {
      const said = 'value' in declared ? formatMinor(declared.value, currency) : match[3];
      warnings.push({ message: `:${tag}: on line ${field.line} says ${Number(match[1])} ${direction}s totalling ${said}, but the report has ${chosen.length} totalling ${formatMinor(sum, currency)}.`, line: field.line });
    }
  }
  return { statement, items };
}

function header(message: SwiftMessage, ordinal: number, currency: string): StatementRecord {
  const reference = fieldValue(message, '20') ?? '';
  const sequence = fieldValue(message, '28C') ?? fieldValue(message, '28');
  return {
    statementId: `${ordinal}:${reference}${sequence ? `/${sequence}` : ''}`,
    account: fieldValue(message, '25'),
    currency,
    openingBalanceMinor: null,
    openingDate: null,
    closingBalanceMinor: null,
    closingDate: null,
    entryCount: 0,
    sourceLine: message.line,
  };
}

/** Each :61: with the :86: right after it; an :86: anywhere else describes the statement, not an entry. */
function statementEntries(message: SwiftMessage, statement: StatementRecord, currency: string, file: string, warnings: StatementWarning[]): EntryRecord[] {
  const items: EntryRecord[] = [];
  message.fields.forEach((field, index) => {
    if (field.tag !== '61') return;
    const line = parseStatementLine(field.lines, currency);
    if (typeof line === 'string') throw new EngineError('bad-input', `Statement line: ${line}.`, { file, line: field.line });
    if (line.dateProblem) warnings.push({ message: `Line ${field.line}: the ${line.dateProblem}; the date was left empty.`, line: field.line });
    const next = message.fields[index + 1];
    const info = next?.tag === '86' ? parseInformation(next.lines) : null;
    const remittance = [line.supplementary, info?.remittance ?? ''].filter(Boolean).join(' ');
    items.push({
      statementId: statement.statementId,
      bookingDate: line.bookingDate,
      valueDate: line.valueDate,
      amountMinor: line.amountMinor,
      currency,
      direction: line.direction,
      typeCode: [line.typeCode, info?.typeText].filter(Boolean).join(' '),
      bankReference: line.bankReference,
      customerReference: line.customerReference,
      endToEndId: info?.endToEndId ?? null,
      counterparty: info?.counterparty ?? null,
      remittance: remittance || null,
      batchCount: null,
      raw: [`:61:${fieldText(field)}`, ...(next?.tag === '86' ? [`:86:${fieldText(next)}`] : [])].join('\n'),
      line: field.line,
    });
  });
  return items;
}

function fieldValue(message: SwiftMessage, tag: string): string | null {
  const field = message.fields.find((candidate) => candidate.tag === tag);
  const value = field ? fieldText(field).trim() : '';
  return value === '' ? null : value;
}

function balance(field: SwiftField, file: string): Balance {
  const value = fieldText(field).trim();
  const match = BALANCE.exec(value);
  if (!match) throw new EngineError('bad-input', `":${field.tag}:${value}" is not a balance (D/C mark, YYMMDD, currency, amount).`, { file, line: field.line });
  const [, mark, yy, mm, dd, currency, amountText] = match;
  const amount = decimalToMinor(amountText!, currencyExponent(currency!), ',');
  if ('problem' in amount) throw new EngineError('bad-input', `Balance amount ${amount.problem}.`, { file, line: field.line });
  return { amount: mark === 'D' ? -amount.value : amount.value, currency: currency!, date: isoDate(fullYear(Number(yy)), Number(mm), Number(dd)) };
}
