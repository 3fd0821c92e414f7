import { decimalToMinor, fullYear, isoDate } from './amount-text';
import { currencyExponent } from './currency-exponents';

/**
 * The two MT940 fields that carry an entry: :61: (statement line) and :86:
 * (information to the account owner). Kept apart from the statement logic
 * because both are dense little grammars of their own.
 */

export interface StatementLine {
  valueDate: string | null;
  bookingDate: string | null;
  /** Signed minor units. */
  amountMinor: bigint;
  direction: 'credit' | 'debit';
  typeCode: string;
  customerReference: string | null;
  bankReference: string | null;
  supplementary: string;
  /** Why a date could not be read, for a warning; null when both were fine. */
  dateProblem: string | null;
}

/**
 * value date YYMMDD, [entry date MMDD or four spaces], mark C/D/RC/RD (MT942
 * also EC/ED), [funds code: a letter glued to the mark, so "DR17,90" is a
 * debit of 17.90 with funds code R], amount with decimal comma, type
 * (S/N/F + 3), reference [//bank reference], then supplementary details.
 */
const LINE_61 = /^(\d{2})(\d{2})(\d{2})(\d{4}|\s{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\d[\d,]*)([SNF][A-Z0-9]{3})(.*)$/;

export function parseStatementLine(lines: string[], currency: string): StatementLine | string {
  const match = LINE_61.exec(lines[0] ?? '');
  if (!match) return `":61:${lines[0] ?? ''}" is not a statement line (value date, D/C mark, amount, type, reference)`;
  const [, yy, mm, dd, entry, mark, , amountText, type, rest] = match;
  const amount = decimalToMinor(amountText!, currencyExponent(currency), ',');
  if ('problem' in amount) return `amount ${amount.problem}`;
  const year = fullYear(Number(yy));
  const valueDate = isoDate(year, Number(mm), Number(dd));
  let bookingDate = valueDate;
  let dateProblem = valueDate ? null : `value date ${yy}${mm}${dd} is not a calendar date`;
  if (entry && entry.trim() !== '') {
    bookingDate = entryDate(year, Number(mm), Number(dd), Number(entry.slice(0, 2)), Number(entry.slice(2)));
    if (!bookingDate) dateProblem = `entry date ${entry} is not a calendar date`;
  }
  // RC reverses a credit (so it debits), RD reverses a debit; EC/ED are MT942's expected credit/debit.
  const isDebit = mark === 'D' || mark === 'RC' || mark === 'ED';
  const [reference = '', bank] = splitOnce(rest ?? '', '//');
  const customer = reference.trim();
  return {
    valueDate,
    bookingDate,
    amountMinor: isDebit ? -amount.value : amount.value,
    direction: isDebit ? 'debit' : 'credit',
    typeCode: type!,
    customerReference: customer === '' || customer === 'NONREF' ? null : customer,
    bankReference: bank?.trim() || null,
    supplementary: lines.slice(1).map((line) => line.trim()).join(' '),
    dateProblem,
  };
}

/**
 * The entry date has no year: take the one that puts it nearest the value
 * date, so a 31 Dec value date with entry date 0102 books on 2 Jan next year.
 */
function entryDate(valueYear: number, valueMonth: number, valueDay: number, month: number, day: number): string | null {
  const value = Date.UTC(valueYear, valueMonth - 1, valueDay);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const year of [valueYear - 1, valueYear, valueYear + 1]) {
    const iso = isoDate(year, month, day);
    if (!iso) continue;
    const distance = Math.abs(Date.UTC(year, month - 1, day) - value);
    if (distance < bestDistance) {
      best = iso;
      bestDistance = distance;
    }
  }
  return best;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

export interface Information {
  remittance: string | null;
  counterparty: string | null;
  endToEndId: string | null;
  /** German GVC and posting text (?00), e.g. "105 Basislastschrift". */
  typeText: string | null;
}

const SEPA_KEYWORD = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|PURP|COAM|OAMT|IBAN|BIC)\+/g;

/**
 * :86: in the German structured form ("105?00Basislastschrift?20EREF+…")
 * is split into subfields: ?20–?29 and ?60–?63 are one remittance text cut
 * into 27-character pieces, ?32/?33 the counterparty's name, ?00 the posting
 * text. Banks wrap those lines mid-word, even inside "?2" + "2", so the lines
 * are joined with nothing between them. Free-text :86: lines are joined
 * with a space.
 */
export function parseInformation(lines: string[]): Information {
  const first = lines[0] ?? '';
  if (!/^(\d{3})?\?\d{2}/.test(first)) {
    const text = lines.map((line) => line.trim()).filter(Boolean).join(' ');
    return { remittance: text || null, counterparty: null, endToEndId: null, typeText: null };
  }
  const joined = lines.join('');
  const gvc = /^(\d{3})/.exec(joined)?.[1] ?? null;
  const subfields = new Map<number, string>();
  const parts = joined.split(/\?(\d{2})/);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const code = Number(parts[i]);
    subfields.set(code, (subfields.get(code) ?? '') + parts[i + 1]!);
  }
  const pick = (codes: number[]) => codes.map((code) => subfields.get(code) ?? '').join('').trim();
  const remittance = pick([20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63]);
  const counterparty = pick([32, 33]);
  const posting = pick([0]);
  return {
    remittance: remittance || null,
    counterparty: counterparty || null,
    endToEndId: sepaValue(remittance, 'EREF'),
    typeText: [gvc, posting].filter(Boolean).join(' ') || null,
  };
}

/** The value after "EREF+" up to the next SEPA keyword; NOTPROVIDED means none. */
function sepaValue(text: string, keyword: string): string | null {
  const marks = [...text.matchAll(SEPA_KEYWORD)];
  const index = marks.findIndex((mark) => mark[1] === keyword);
  if (index < 0) return null;
  const mark = marks[index]!;
  const start = (mark.index ?? 0) + mark[0].length;
  const end = marks[index + 1]?.index ?? text.length;
  const value = text.slice(start, end).trim();
  return value === '' || value === 'NOTPROVIDED' ? null : value;
}
