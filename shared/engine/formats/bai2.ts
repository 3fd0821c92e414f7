import { EngineError } from '../errors';
import { impliedToMinor, isoFromYymmdd } from './amount-text';
import { FieldCursor, continuationText, groupContinuations, plainFields, splitBai2Records, type Bai2Logical } from './bai2-records';
import type { EntryRecord, ParsedStatements, StatementRecord, StatementWarning } from './statement-model';

/**
 * BAI2 (Cash Management Balance Reporting, version 2): 01 file, 02 group,
 * 03 account with summaries, 16 transactions, 88 continuations, 49/98/99
 * trailers. Amounts are minor units already (the currency sets the implied
 * decimals); direction comes from the type code. Trailer totals and counts
 * that disagree with the records are warnings, not refusals: the entries
 * are still what the bank sent, and the analyst sees both numbers.
 */

interface Counter {
  records: number;
  total: bigint;
  line: number;
}
interface GroupState extends Counter {
  currency: string;
  asOfDate: string | null;
  accounts: number;
}
interface AccountState extends Counter {
  statement: StatementRecord;
}

const DEFAULT_RECORD_LENGTH = 80;

export function parseBai2(text: string, file: string): ParsedStatements {
  const logical = groupContinuations(splitBai2Records(text, file));
  const statements: StatementRecord[] = [];
  const entries: EntryRecord[] = [];
  const warnings: StatementWarning[] = [];
  const first = logical[0];
  if (!first || first.head.code !== '01') bad(file, 'A BAI2 file starts with a 01 file header record.', first?.head.line ?? 1);
  const totals = { groups: 0, records: 0, total: 0n };
  let recordLength = DEFAULT_RECORD_LENGTH;
  let group: GroupState | null = null;
  let account: AccountState | null = null;
  let ended = false;

  for (const item of logical) {
    const { head } = item;
    const count = 1 + item.continuations.length;
    if (ended) bad(file, `Record ${head.code} after the 99 file trailer.`, head.line);
    if (head.code === '02') {
      // As-of times (HHMM, 2400, 9999 = end of day, NatWest's HH:MM:SS) are not kept: the model holds dates, so no time form can fail a file.
      if (group) bad(file, `A new 02 group header starts before the 98 trailer of the group from line ${group.line}: the file is cut or out of order.`, head.line);
      const fields = plainFields(head.body);
      group = { records: 0, total: 0n, line: head.line, currency: currencyOf(fields[5], 'USD', file, head.line), asOfDate: isoFromYymmdd(fields[3] ?? ''), accounts: 0 };
    } else if (head.code === '03') {
      if (!group) bad(file, 'A 03 account record outside a 02 group.', head.line);
      if (account) bad(file, `A new 03 account starts before the 49 trailer of the account from line ${account.line}.`, head.line);
      account = openAccount(item, group, statements.length + 1, file);
      group.accounts++;
    }
    totals.records += count;
    if (group) group.records += count;
    if (account) account.records += count;

    switch (head.code) {
      case '01': {
        const declared = Number(plainFields(head.body)[5]);
        if (Number.isInteger(declared) && declared > 0) recordLength = declared;
        if (item !== first) bad(file, 'A second 01 file header.', head.line);
        break;
      }
      case '16': {
        if (!account || !group) bad(file, 'A 16 transaction record outside an account (no 03 before it).', head.line);
        const { entry, written } = transaction(item, account.statement, group, recordLength, file, warnings);
        account.total += written;
        entries.push(entry);
        account.statement.entryCount++;
        break;
      }
      case '49': {
        if (!account || !group) bad(file, 'A 49 account trailer without an open account.', head.line);
        checkTrailer(`49 account trailer (account ${account.statement.account})`, plainFields(head.body), account, warnings, head.line);
        group.total += account.total;
        statements.push(account.statement);
        account = null;
        break;
      }
      case '98': {
        if (!group) bad(file, 'A 98 group trailer without an open group.', head.line);
        if (account) bad(file, `The 98 group trailer comes before the 49 trailer of the account from line ${account.line}.`, head.line);
        const fields = plainFields(head.body);
        checkTrailer('98 group trailer', fields, group, warnings, head.line, { label: 'accounts', declared: fields[1], counted: group.accounts });
        totals.groups++;
        totals.total += group.total;
        group = null;
        break;
      }
      case '99': {
        if (group) bad(file, `The 99 file trailer comes before the 98 trailer of the group from line ${group.line}.`, head.line);
        const fields = plainFields(head.body);
        checkTrailer('99 file trailer', fields, { ...totals, line: head.line }, warnings, head.line, { label: 'groups', declared: fields[1], counted: totals.groups });
        ended = true;
        break;
      }
    }
  }
  const last = logical[logical.length - 1]!;
  const lastLine = last.continuations[last.continuations.length - 1]?.line ?? last.head.line;
  if (!ended) {
    const open = account ? `the account from line ${account.line} has no 49 trailer` : group ? `the group from line ${group.line} has no 98 trailer` : 'there is no 99 file trailer';
    bad(file, `The file ends early: ${open}. Was it cut off in transfer?`, lastLine);
  }
  return { format: 'bai2', statements, entries, warnings };
}

function bad(file: string, message: string, line: number): never {
  throw new EngineError('bad-input', message, { file, line });
}

function currencyOf(field: string | undefined, fallback: string, file: string, line: number): string {
  const code = (field ?? '').trim().toUpperCase();
  if (code === '') return fallback;
  if (!/^[A-Z]{3}$/.test(code)) throw new EngineError('bad-input', `"${field}" is not a currency code.`, { file, line });
  return code;
}

function amountOf(text: string, file: string, line: number): bigint {
  const result = impliedToMinor(text);
  if ('problem' in result) throw new EngineError('bad-input', `BAI2 amount ${result.problem}.`, { file, line });
  return result.value;
}

/** Extra fields a funds type carries: S three availability amounts, V a date and time, D a count and pairs. */
function skipFundsDetail(funds: string, take: () => string): string | null {
  const kind = funds.toUpperCase();
  if (kind === 'S') {
    take();
    take();
    take();
  } else if (kind === 'V') {
    const date = take();
    take();
    return date;
  } else if (kind === 'D') {
    const pairs = Number(take() || '0');
    for (let i = 0; i < 2 * (Number.isInteger(pairs) ? pairs : 0); i++) take();
  }
  return null;
}

/** The 03 record and its 88s form one field list: type, amount, count, funds (+detail), repeated. */
function openAccount(item: Bai2Logical, group: GroupState, ordinal: number, file: string): AccountState {
  const fields = [...plainFields(item.head.body), ...item.continuations.flatMap((record) => plainFields(record.body))];
  const accountNumber = (fields[0] ?? '').trim();
  const currency = currencyOf(fields[1], group.currency, file, item.head.line);
  let total = 0n;
  let opening: bigint | null = null;
  let closing: bigint | null = null;
  let i = 2;
  const take = () => fields[i++] ?? '';
  while (i < fields.length) {
    const type = take().trim();
    if (type === '') continue;
    if (!/^\d{3}$/.test(type)) throw new EngineError('bad-input', `"${type}" in the 03 record for account ${accountNumber} is not a 3-digit type code.`, { file, line: item.head.line });
    const amountText = take();
    take();
    skipFundsDetail(take().trim(), take);
    if (amountText.trim() === '') continue;
    const amount = amountOf(amountText, file, item.head.line);
    total += amount;
    if (type === '010') opening = amount;
    if (type === '015') closing = amount;
  }
  const statement: StatementRecord = {
    statementId: `${ordinal}:${accountNumber}`,
    account: accountNumber,
    currency,
    openingBalanceMinor: opening,
    openingDate: opening === null ? null : group.asOfDate,
    closingBalanceMinor: closing,
    closingDate: closing === null ? null : group.asOfDate,
    entryCount: 0,
    sourceLine: item.head.line,
  };
  return { records: 0, total, line: item.head.line, statement };
}

/** A 16 and its 88s; `written` is the amount as the file has it, which is what control totals add. */
function transaction(
  item: Bai2Logical,
  statement: StatementRecord,
  group: GroupState,
  recordLength: number,
  file: string,
  warnings: StatementWarning[],
): { entry: EntryRecord; written: bigint } {
  const line = item.head.line;
  const cursor = new FieldCursor(item.head.body);
  const type = cursor.next();
  const amount = amountOf(cursor.next(), file, line);
  const valueDate = skipFundsDetail(cursor.next(), () => cursor.next());
  const bankReference = cursor.next();
  const customerReference = cursor.next();
  let text = cursor.rest();
  let previous = item.head;
  for (const record of item.continuations) {
    // A line filled exactly to the physical record length was wrapped mid-word (NatWest); otherwise the 88 starts a new phrase.
    const wrapped = previous.lastLineLength === recordLength && !previous.body.trimEnd().endsWith('/');
    const glue = text === '' || wrapped ? '' : ' ';
    text = `${text}${glue}${continuationText(record)}`;
    previous = record;
  }
  const code = Number(type);
  if (!/^\d{3}$/.test(type)) throw new EngineError('bad-input', `"${type}" in a 16 record is not a 3-digit type code.`, { file, line });
  const isDebit = code >= 400 && code <= 699;
  if (code < 100 || code > 699) warnings.push({ message: `Type code ${type} on line ${line} is outside the credit (100–399) and debit (400–699) ranges; it was stored as a credit.`, line });
  const tags = taggedLines(item);
  const entry: EntryRecord = {
    statementId: statement.statementId,
    bookingDate: group.asOfDate,
    valueDate: (valueDate ? isoFromYymmdd(valueDate) : null) ?? group.asOfDate,
    amountMinor: isDebit ? -amount : amount,
    currency: statement.currency ?? group.currency,
    direction: isDebit ? 'debit' : 'credit',
    typeCode: type,
    bankReference: bankReference || null,
    customerReference: customerReference || null,
    endToEndId: tags.get('EREF') ?? null,
    counterparty: (isDebit ? (tags.get('CRNM') ?? tags.get('DBNM')) : (tags.get('DBNM') ?? tags.get('CRNM'))) ?? null,
    remittance: text || null,
    batchCount: null,
    raw: [item.head.raw, ...item.continuations.map((record) => record.raw)].join('\n'),
    line,
  };
  return { entry, written: amount };
}

/** Goldman-style "EREF: value" / "DBNM: value" 88 lines, a common bank convention. */
function taggedLines(item: Bai2Logical): Map<string, string> {
  const tags = new Map<string, string>();
  for (const record of item.continuations) {
    const match = /^([A-Z]{4}):\s*(.*)$/.exec(continuationText(record));
    if (match && match[2] && !tags.has(match[1]!)) tags.set(match[1]!, match[2].trim());
  }
  return tags;
}

function checkTrailer(
  what: string,
  fields: string[],
  counted: Counter,
  warnings: StatementWarning[],
  line: number,
  extra?: { label: string; declared: string | undefined; counted: number },
): void {
  const totalText = (fields[0] ?? '').trim();
  if (totalText !== '') {
    const declared = impliedToMinor(totalText);
    if ('problem' in declared) warnings.push({ message: `${what} on line ${line}: control total ${declared.problem}.`, line });
    else if (declared.value !== counted.total) {
      const difference = declared.value - counted.total;
      warnings.push({ message: `${what} on line ${line}: control total ${declared.value} in the file, but the records add up to ${counted.total} (difference ${difference}).`, line });
    }
  }
  if (extra && extra.declared !== undefined && extra.declared.trim() !== '' && Number(extra.declared) !== extra.counted) {
    warnings.push({ message: `${what} on line ${line}: ${Number(extra.declared)} ${extra.label} in the file, but there are ${extra.counted}.`, line });
  }
  const recordsText = (fields[extra ? 2 : 1] ?? '').trim();
  if (recordsText !== '' && Number(recordsText) !== counted.records) {
    warnings.push({ message: `${what} on line ${line}: ${Number(recordsText)} records in the file, but there are ${counted.records}.`, line });
  }
}
