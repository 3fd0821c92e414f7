import { EngineError } from '../errors';
import { formatMinor, isoFromXmlDate, lineLocator } from './amount-text';
import { checkRunningBalance } from './balance-check';
import { camtAmount, entryFrom, isCredit } from './camt-entry';
import type { EntryRecord, ParsedStatements, StatementFormat, StatementRecord, StatementWarning } from './statement-model';
import { child, children, parseSafeXml, text, type XmlNode } from './xml-tree';

/**
 * ISO 20022 camt.053 (statement), camt.052 (intraday report) and camt.054
 * (debit/credit notification). Each Stmt/Rpt/Ntfctn is a statement; OPBD
 * (or PRCD) opens it and CLBD closes it. Booked entries must add up to the
 * closing balance and match TxsSummry; differences are warnings that carry
 * both numbers. A DOCTYPE is refused before parsing (xml-tree.ts).
 */

const MESSAGES: { message: string; item: string; format: StatementFormat }[] = [
  { message: 'BkToCstmrStmt', item: 'Stmt', format: 'camt.053' },
  { message: 'BkToCstmrAcctRpt', item: 'Rpt', format: 'camt.052' },
  { message: 'BkToCstmrDbtCdtNtfctn', item: 'Ntfctn', format: 'camt.054' },
];

export function parseCamt(xml: string, file: string): ParsedStatements {
  const { root, startOf } = parseSafeXml(xml, file);
  const locate = lineLocator(xml);
  const document = child(root, 'Document');
  const kind = MESSAGES.find(({ message }) => child(document, message) !== undefined);
  if (!kind) throw new EngineError('bad-input', 'Not a camt.052/053/054 file: no <Document> with BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn.', { file, line: 1 });
  const statements: StatementRecord[] = [];
  const entries: EntryRecord[] = [];
  const warnings: StatementWarning[] = [];
  const lineOf = (node: XmlNode) => locate(startOf(node)?.start ?? 0);
  for (const item of children(child(document, kind.message), kind.item)) {
    const line = lineOf(item);
    const where = { file, line };
    const accountCurrency = text(item, 'Acct', 'Ccy');
    const balances = children(item, 'Bal').map((node) => {
      const amount = camtAmount(node, ['Amt'], { file, line: lineOf(node) }, accountCurrency);
      if (!amount) throw new EngineError('bad-input', 'A <Bal> without <Amt>.', { file, line: lineOf(node) });
      return {
        code: text(node, 'Tp', 'CdOrPrtry', 'Cd') ?? text(node, 'Tp', 'CdOrPrtry', 'Prtry'),
        minor: isCredit(node, { file, line: lineOf(node) }) ? amount.minor : -amount.minor,
        currency: amount.currency,
        date: isoFromXmlDate(text(node, 'Dt', 'Dt') ?? text(node, 'Dt', 'DtTm')),
      };
    });
    const opening = balances.find((balance) => balance.code === 'OPBD') ?? balances.find((balance) => balance.code === 'PRCD');
    const closing = balances.find((balance) => balance.code === 'CLBD');
    const ntries = children(item, 'Ntry');
    const statement: StatementRecord = {
      statementId: `${statements.length + 1}:${text(item, 'Id') ?? ''}`,
      account: text(item, 'Acct', 'Id', 'IBAN') ?? text(item, 'Acct', 'Id', 'Othr', 'Id'),
      currency: accountCurrency ?? opening?.currency ?? closing?.currency ?? null,
      openingBalanceMinor: opening?.minor ?? null,
      openingDate: opening?.date ?? null,
      closingBalanceMinor: closing?.minor ?? null,
      closingDate: closing?.date ?? null,
      entryCount: ntries.length,
      sourceLine: line,
    };
    const items = ntries.map((ntry) => {
      const span = startOf(ntry);
      const context = { file, line: lineOf(ntry), statementId: statement.statementId, raw: span ? xml.slice(span.start, span.end) : '' };
      return entryFrom(ntry, context, statement.currency, warnings);
    });
    statement.currency ??= items[0]?.currency ?? null;
    const booked = ntries.map((ntry, index) => ({ ntry, entry: items[index]! })).filter(({ ntry }) => isBooked(ntry));
    const inCurrency = booked.every(({ entry }) => entry.currency === statement.currency);
    if (inCurrency) {
      const mismatch = checkRunningBalance(statement, booked.map(({ entry }) => entry.amountMinor), 'CLBD');
      if (mismatch) warnings.push(mismatch);
    }
    if (items.every((entry) => entry.currency === statement.currency)) checkSummary(item, statement, items, where, warnings);
    statements.push(statement);
    entries.push(...items);
  }
  return { format: kind.format, statements, entries, warnings };
}

/** Pending and info-only entries (Sts PDNG/INFO) are not in the booked balance. */
function isBooked(ntry: XmlNode): boolean {
  const status = text(ntry, 'Sts', 'Cd') ?? text(ntry, 'Sts');
  return status === null || status === 'BOOK';
}

/** TxsSummry: number and sum of all, credit and debit entries, and the net. Its amounts carry no Ccy: the statement's. */
function checkSummary(item: XmlNode, statement: StatementRecord, items: EntryRecord[], where: { file: string; line: number }, warnings: StatementWarning[]): void {
  const summary = child(item, 'TxsSummry');
  if (summary === undefined || typeof summary === 'string' || Array.isArray(summary)) return;
  const currency = statement.currency;
  const money = (value: bigint) => formatMinor(value, currency);
  const magnitude = (value: bigint) => (value < 0n ? -value : value);
  const groups: { label: string; path: string; chosen: EntryRecord[] }[] = [
    { label: 'entries', path: 'TtlNtries', chosen: items },
    { label: 'credit entries', path: 'TtlCdtNtries', chosen: items.filter((entry) => entry.direction === 'credit') },
    { label: 'debit entries', path: 'TtlDbtNtries', chosen: items.filter((entry) => entry.direction === 'debit') },
  ];
  for (const { label, path, chosen } of groups) {
    const count = text(summary, path, 'NbOfNtries');
    if (count !== null && Number(count) !== chosen.length) {
      warnings.push({ message: `Statement ${statement.statementId}: TxsSummry/${path} says ${Number(count)} ${label}, but there are ${chosen.length}.`, line: where.line });
    }
    const sum = camtAmount(summary, [path, 'Sum'], where, currency);
    const actual = chosen.reduce((total, entry) => total + magnitude(entry.amountMinor), 0n);
    if (sum && sum.minor !== actual) {
      warnings.push({ message: `Statement ${statement.statementId}: TxsSummry/${path}/Sum is ${money(sum.minor)}, but the ${label} add up to ${money(actual)} (difference ${money(actual - sum.minor)}).`, line: where.line });
    }
  }
  const net = camtAmount(summary, ['TtlNtries', 'TtlNetNtry', 'Amt'], where, currency);
  if (net) {
    const declared = isCredit(summary, where, ['TtlNtries', 'TtlNetNtry', 'CdtDbtInd']) ? net.minor : -net.minor;
    const actual = items.reduce((total, entry) => total + entry.amountMinor, 0n);
    if (declared !== actual) {
      warnings.push({ message: `Statement ${statement.statementId}: TxsSummry net is ${money(declared)}, but the entries net to ${money(actual)} (difference ${money(actual - declared)}).`, line: where.line });
    }
  }
}
