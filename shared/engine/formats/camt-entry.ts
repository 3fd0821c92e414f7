import { EngineError } from '../errors';
import { decimalToMinor, formatMinor, isoFromXmlDate } from './amount-text';
import { currencyExponent } from './currency-exponents';
import type { EntryRecord, StatementWarning } from './statement-model';
import { attribute, children, text, type XmlNode } from './xml-tree';

/**
 * One camt <Ntry> → one entry. A batch booking (NtryDtls/Btch, or several
 * TxDtls) stays ONE entry with batchCount set, because the Ntry is what the
 * bank booked and what the balances add up; its payments' references,
 * parties and remittance texts are kept side by side ("a; b; c") so 1:N
 * matching can still find them. The batch's own numbers are checked against
 * its TxDtls and every difference is a warning.
 */

export interface CamtAmount {
  /** Unsigned minor units, as camt writes them; the sign comes from CdtDbtInd. */
  minor: bigint;
  currency: string;
}

export interface EntryContext {
  file: string;
  line: number;
  statementId: string;
  raw: string;
}

export function camtAmount(node: XmlNode, path: string[], where: { file: string; line: number }, fallbackCurrency: string | null): CamtAmount | null {
  const value = text(node, ...path);
  if (value === null) return null;
  const currency = (attribute(node, 'Ccy', ...path) ?? fallbackCurrency ?? '').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new EngineError('bad-input', `The amount ${value} in <${path.join('/')}> has no currency (Ccy attribute).`, where);
  if (!/^\d+(\.\d+)?$/.test(value)) throw new EngineError('bad-input', `<${path.join('/')}> "${value}" is not a camt amount (digits, "." decimals, no sign).`, where);
  const minor = decimalToMinor(value, currencyExponent(currency), '.');
  if ('problem' in minor) throw new EngineError('bad-input', `<${path.join('/')}> ${minor.problem}.`, where);
  return { minor: minor.value, currency };
}

export function isCredit(node: XmlNode, where: { file: string; line: number }, path: string[] = ['CdtDbtInd']): boolean {
  const indicator = text(node, ...path);
  if (indicator === 'CRDT') return true;
  if (indicator === 'DBIT') return false;
  throw new EngineError('bad-input', `<${path.join('/')}> must be CRDT or DBIT, not ${indicator === null ? 'missing' : `"${indicator}"`}.`, where);
}

export function entryFrom(ntry: XmlNode, context: EntryContext, statementCurrency: string | null, warnings: StatementWarning[]): EntryRecord {
  const where = { file: context.file, line: context.line };
  const amount = camtAmount(ntry, ['Amt'], where, statementCurrency);
  if (!amount) throw new EngineError('bad-input', 'An <Ntry> without <Amt>.', where);
  const credit = isCredit(ntry, where);
  const details = children(ntry, 'NtryDtls');
  const txs = children(details, 'TxDtls');
  const batch = children(details, 'Btch')[0];
  const declaredCount = text(batch, 'NbOfTxs');
  checkBatch(batch, txs, amount, context, warnings);
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null && value !== 'NOTPROVIDED'))].join('; ') || null;
  const single = txs.length === 1 ? txs[0] : undefined;
  const remittance = distinct(txs.map(remittanceOf));
  return {
    statementId: context.statementId,
    bookingDate: isoFromXmlDate(text(ntry, 'BookgDt', 'Dt') ?? text(ntry, 'BookgDt', 'DtTm')),
    valueDate: isoFromXmlDate(text(ntry, 'ValDt', 'Dt') ?? text(ntry, 'ValDt', 'DtTm')),
    amountMinor: credit ? amount.minor : -amount.minor,
    currency: amount.currency,
    direction: credit ? 'credit' : 'debit',
    typeCode: bankTransactionCode(ntry) ?? (txs[0] ? bankTransactionCode(txs[0]) : null),
    bankReference: text(ntry, 'AcctSvcrRef'),
    customerReference:
      (single ? (text(single, 'Refs', 'InstrId') ?? text(single, 'Refs', 'PmtInfId')) : (text(batch, 'PmtInfId') ?? distinct(txs.map((tx) => text(tx, 'Refs', 'PmtInfId'))))) ??
      text(ntry, 'NtryRef'),
    endToEndId: distinct(txs.map((tx) => text(tx, 'Refs', 'EndToEndId'))),
    counterparty: distinct(txs.map((tx) => counterpartyOf(tx, credit))),
    remittance: remittance ?? text(ntry, 'AddtlNtryInf'),
    batchCount: declaredCount !== null && /^\d+$/.test(declaredCount) ? Number(declaredCount) : txs.length > 1 ? txs.length : null,
    raw: context.raw,
    line: context.line,
  };
}

/** ISO Domn/Fmly/SubFmly as "PMNT/ICDT/ESCT", else the proprietary code. */
function bankTransactionCode(node: XmlNode): string | null {
  const domain = text(node, 'BkTxCd', 'Domn', 'Cd');
  if (domain) return [domain, text(node, 'BkTxCd', 'Domn', 'Fmly', 'Cd'), text(node, 'BkTxCd', 'Domn', 'Fmly', 'SubFmlyCd')].filter(Boolean).join('/');
  return text(node, 'BkTxCd', 'Prtry', 'Cd');
}

/** The other side: the debtor of a credit, the creditor of a debit (v8 wraps names in <Pty>). */
function counterpartyOf(tx: XmlNode, credit: boolean): string | null {
  const name = (role: string) => text(tx, 'RltdPties', role, 'Nm') ?? text(tx, 'RltdPties', role, 'Pty', 'Nm');
  return credit ? (name('Dbtr') ?? name('UltmtDbtr') ?? name('Cdtr')) : (name('Cdtr') ?? name('UltmtCdtr') ?? name('Dbtr'));
}

function remittanceOf(tx: XmlNode): string | null {
  const info = children(tx, 'RmtInf');
  const unstructured = children(info, 'Ustrd').map((node) => text(node)).filter(Boolean);
  if (unstructured.length > 0) return unstructured.join(' ');
  const references = children(info, 'Strd').map((node) => text(node, 'CdtrRefInf', 'Ref')).filter(Boolean);
  return references.length > 0 ? references.join(' ') : null;
}

function checkBatch(batch: XmlNode | undefined, txs: XmlNode[], amount: CamtAmount, context: EntryContext, warnings: StatementWarning[]): void {
  const where = { file: context.file, line: context.line };
  const at = `The entry on line ${context.line}`;
  const declared = text(batch, 'NbOfTxs');
  if (declared !== null && txs.length > 0 && Number(declared) !== txs.length) {
    const difference = txs.length - Number(declared);
    warnings.push({ message: `${at} is a batch that declares ${Number(declared)} transactions (Btch/NbOfTxs) but lists ${txs.length} TxDtls (${difference > 0 ? `${difference} more` : `${-difference} fewer`}).`, line: context.line });
  }
  const amounts = txs.map((tx) => camtAmount(tx, ['Amt'], where, null));
  if (amounts.length === 0 || amounts.some((item) => item === null)) return;
  const currencies = new Set(amounts.map((item) => item!.currency));
  if (currencies.size !== 1) return;
  const currency = [...currencies][0]!;
  const sum = amounts.reduce((total, item) => total + item!.minor, 0n);
  const total = batch ? camtAmount(batch, ['TtlAmt'], where, null) : null;
  if (total && total.currency === currency && total.minor !== sum) {
    warnings.push({ message: `${at}: the batch total Btch/TtlAmt is ${formatMinor(total.minor, currency)} but its TxDtls add up to ${formatMinor(sum, currency)} (difference ${formatMinor(sum - total.minor, currency)}).`, line: context.line });
  }
  if (txs.length > 1 && currency === amount.currency && sum !== amount.minor) {
    warnings.push({ message: `${at} books ${formatMinor(amount.minor, currency)} but its TxDtls add up to ${formatMinor(sum, currency)} (difference ${formatMinor(sum - amount.minor, currency)}).`, line: context.line });
  }
}
