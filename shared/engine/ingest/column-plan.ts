/**
 * Decides how each column is stored: its SQL type and scale, and which parser
 * the row writer uses for it. Plain columns (`12.50`, ISO dates) keep the
 * fast byte parsers; only columns whose sample needs a locale number parser
 * or a date conversion get one, so a plain file costs what it did before.
 * What the user said (decimal mark, date order, per-column type, scale or
 * skip) is applied on top of what the sample suggests.
 */
import type { ColumnInfo, ImportOptions } from '../api';
import { findProfile, ruleMatches, type Profile } from '../profiles';
import type { DerivedRule } from '../profiles';
import { KIND_BOOLEAN, KIND_DATE, KIND_DATE_CONVERT, KIND_LOCALE_NUMBER, KIND_NUMBER, KIND_TEXT, KIND_TEXT_CHECKED, KIND_TIMESTAMP, MONEY_MIN_SCALE, asDate, setNotation, type Draft } from './column-draft';
import { applyColumnOverrides } from './column-overrides';
import type { DateOrder } from './date-format';
import { detectDerived } from './derived-detect';
import { inferDate } from './date-infer';
import { MIN_FIT_SHARE, MONEY_HEADER, TypeSampler } from './infer-types';
import { COMMA, DOT, isScientific } from './number-format';
import { inferNotation } from './number-infer';
import type { SanitizedColumn } from './names';
import { decodeUtf8 } from './text-codec';

export { KIND_BOOLEAN, KIND_DATE, KIND_DATE_CONVERT, KIND_LOCALE_NUMBER, KIND_NUMBER, KIND_SKIP, KIND_TEXT, KIND_TEXT_CHECKED, KIND_TIMESTAMP } from './column-draft';

/** What the user decided for the whole file or per column; each wins over inference. */
export type PlanPreferences = Pick<ImportOptions, 'columns' | 'dateOrder' | 'decimalMark'>;

export interface ColumnPlan {
  info: ColumnInfo;
  kind: number;
  /** Scale the cell text is read at; differs from info.scale only for implied decimals (PayPal cents). */
  parseScale: number;
  decimal: number;
  dateFamily: number;
  dateOrder: DateOrder;
  /** A `<name>_raw` sibling keeps the text as written (converted dates). */
  rawName: string | null;
}

export interface PlanResult {
  plans: ColumnPlan[];
  profile: Profile | null;
  warnings: string[];
  /** Signed columns to add after the rows are in: the profile's, or those the columns imply. */
  derived: DerivedRule[];
}

const DATE_HEADER = /(date|datum|day|tag|time|zeit|posted|booking|buchung|valuta|created|settled|value)/i;

export function planColumns(sampler: TypeSampler, columns: SanitizedColumn[], delimiter: string, hasHeader: boolean, prefs: PlanPreferences = {}): PlanResult {
  const profile = hasHeader ? findProfile(columns.map((column) => column.label)) : null;
  const warnings: string[] = [];
  const forced = prefs.decimalMark === ',' ? COMMA : prefs.decimalMark === '.' ? DOT : undefined;
  const choice: Choice = { isEuropean: delimiter === ';', mark: forced, dateOrder: prefs.dateOrder };
  const drafts = columns.map((column, index) => draft(sampler, index, column, profile, choice, warnings));
  settleAmbiguous(drafts, sampler, choice, warnings);
  if (prefs.columns) warnings.push(...applyColumnOverrides(drafts, sampler, prefs.columns, { isEuropean: choice.isEuropean, preferComma: forced === undefined ? choice.isEuropean : forced === COMMA, dateOrder: prefs.dateOrder }));
  const used = new Set(columns.map((column) => column.name));
  const plans = drafts.map((d, index) => toPlan(d, index, sampler, drafts, used));
  const derived = profile ? profile.derived : detectDerived(plans, sampler, hasHeader);
  return { plans, profile, warnings, derived };
}

/** The file-wide reading conventions: inferred from the delimiter unless the user fixed them. */
interface Choice {
  isEuropean: boolean;
  /** The decimal mark the user chose, as a byte. */
  mark: number | undefined;
  dateOrder: 'DMY' | 'MDY' | undefined;
}

function draft(sampler: TypeSampler, index: number, column: SanitizedColumn, profile: Profile | null, choice: Choice, warnings: string[]): Draft {
  const { isEuropean, mark } = choice;
  const { label, name } = column;
  const rule = profile?.columns.find((candidate) => ruleMatches(candidate, label));
  const typing = sampler.typing(index, label);
  const d: Draft = { label, name, rule, typing, kind: KIND_TEXT, parseScale: 0, notation: null, sourceFormat: undefined, date: null };
  const cells = sampler.cells[index]!;
  if (rule?.role === 'money' && sampler.nonEmptyCount(index) === 0) {
    // Empty in the sample (Adyen fills Debit or Credit, not both): still an amount column.
    const implied = rule.impliedScale;
    d.typing = { type: 'decimal', scale: implied ?? MONEY_MIN_SCALE };
    d.kind = KIND_NUMBER;
    d.parseScale = implied === undefined ? MONEY_MIN_SCALE : 0;
    if (implied !== undefined) d.sourceFormat = `whole minor units (÷${10 ** implied})`;
    d.isEmptyMoney = implied === undefined;
    return d;
  }
  if (rule && rule.role !== 'money') {
    d.typing = { type: 'text', scale: 0 }; // keys, currencies and indicators are text
    return d;
  }
  if (rule?.impliedScale !== undefined && (typing.type === 'integer' || (typing.type === 'decimal' && sampler.cells[index]!.every(isWholeNumber)))) {
    d.typing = { type: 'decimal', scale: rule.impliedScale };
    d.kind = KIND_NUMBER;
    d.sourceFormat = `whole minor units (÷${10 ** rule.impliedScale})`;
    return d;
  }
  if (typing.type === 'date' || typing.type === 'timestamp') {
    d.kind = typing.type === 'date' ? KIND_DATE : KIND_TIMESTAMP;
    d.sourceFormat = typing.type === 'date' ? 'YYYY-MM-DD' : 'ISO 8601';
    return d;
  }
  if (typing.type === 'integer' && DATE_HEADER.test(label)) {
    const compact = inferDate(cells, MIN_FIT_SHARE, isEuropean, true, choice.dateOrder);
    if (compact) return asDate(d, compact);
  }
  if (mark !== undefined && (typing.type === 'integer' || typing.type === 'decimal')) {
    // The user named the decimal mark: `1.234` is read with it, not as the plain parser would.
    const notation = inferNotation(cells, MIN_FIT_SHARE, mark === COMMA, mark);
    if (notation) setNotation(d, notation, rule?.role === 'money' || MONEY_HEADER.test(label));
    else d.typing = { type: 'text', scale: 0 };
    return d;
  }
  if (typing.type !== 'text') {
    d.kind = typing.type === 'boolean' ? KIND_BOOLEAN : KIND_NUMBER;
    if (rule?.role === 'money') d.typing = { type: 'decimal', scale: Math.max(typing.scale, MONEY_MIN_SCALE) };
    d.parseScale = d.typing.scale;
    return d;
  }
  if (sampler.nonEmptyCount(index) === 0 || (sampler.isIdentifier(index, label) && !rule)) return d;
  const date = inferDate(cells, MIN_FIT_SHARE, isEuropean, false, choice.dateOrder);
  if (date) {
    if (date.isAmbiguous) warnings.push(`Column "${label}": dates like "${sampleText(cells)}" could be day-first or month-first; read as ${date.label} (${isEuropean ? 'a ;-delimited, European file' : 'the US convention'}). Please confirm.`);
    return asDate(d, date);
  }
  const notation = inferNotation(cells, MIN_FIT_SHARE, mark === undefined ? isEuropean : mark === COMMA, mark);
  if (notation) setNotation(d, notation, rule?.role === 'money' || MONEY_HEADER.test(label));
  return d;
}

/**
 * `1,234` reads as 1234 or 1.234. The file's other columns usually settle
 * it (a `-62,3` elsewhere means commas are decimals here); if nothing does,
 * the delimiter does (`;` files are European), with a warning.
 */
function settleAmbiguous(drafts: Draft[], sampler: TypeSampler, choice: Choice, warnings: string[]): void {
  const { isEuropean } = choice;
  let comma = 0;
  let dot = 0;
  const plainAmbiguous = drafts.map((d, index) => d.kind === KIND_NUMBER && !d.notation && d.rule?.impliedScale === undefined && sampler.cells[index]!.length > 0 && sampler.cells[index]!.every(looksGrouped));
  drafts.forEach((d, index) => {
    if (d.notation && !d.notation.isAmbiguous && !d.notation.isWhole) d.notation.decimal === DOT ? dot++ : comma++;
    else if (d.kind === KIND_NUMBER && d.typing.type === 'decimal' && d.typing.scale > 0 && !d.rule?.impliedScale && !plainAmbiguous[index]) dot++;
  });
  const preferComma = choice.mark !== undefined ? choice.mark === COMMA : comma > dot || (comma === dot && isEuropean);
  drafts.forEach((d, index) => {
    // `1.234` read as a plain decimal, in a file whose amounts use decimal commas: it is 1234.
    if (plainAmbiguous[index] && (preferComma || dot === 0)) d.notation = { decimal: DOT, scale: 3, isWhole: false, label: '1.234', isAmbiguous: true, isPlain: true };
  });
  drafts.forEach((d, index) => {
    if (d.isEmptyMoney && preferComma) {
      d.kind = KIND_LOCALE_NUMBER;
      d.notation = { decimal: COMMA, scale: MONEY_MIN_SCALE, isWhole: false, label: '1234,56', isAmbiguous: false, isPlain: false };
      d.sourceFormat = `${d.notation.label} (empty in the sample; the file's convention)`;
    }
    if (!d.notation?.isAmbiguous) return;
    const settled = inferNotation(sampler.cells[index]!, MIN_FIT_SHARE, preferComma);
    if (!settled) return;
    setNotation(d, settled, d.rule?.role === 'money' || MONEY_HEADER.test(d.label));
    const why = comma !== dot ? `the file's other amounts use "${preferComma ? ',' : '.'}" as the decimal mark` : `the file is ${isEuropean ? ';' : ','}-delimited`;
    warnings.push(`Column "${d.label}": values like "${sampleText(sampler.cells[index]!)}" could use either mark as the decimal point; read as ${settled.label} because ${why}. Please confirm.`);
  });
}

function toPlan(d: Draft, index: number, sampler: TypeSampler, drafts: Draft[], used: Set<string>): ColumnPlan {
  let kind = d.kind;
  if (kind === KIND_TEXT && hasExcelDamage(sampler.cells[index]!)) kind = KIND_TEXT_CHECKED;
  const info: ColumnInfo = { name: d.name, label: d.label, type: d.typing.type, scale: d.typing.scale, coercedCells: 0 };
  if (d.sourceFormat) info.sourceFormat = d.sourceFormat;
  if (d.rule) info.role = d.rule.role;
  const currencyLabel = d.rule?.currency;
  const currency = currencyLabel ? drafts.find((other) => other.label.trim().toLowerCase() === currencyLabel.toLowerCase()) : undefined;
  if (currency) info.currencyColumn = currency.name;
  let rawName: string | null = null;
  if (kind === KIND_DATE_CONVERT) {
    rawName = `${d.name}_raw`;
    for (let n = 2; used.has(rawName); n++) rawName = `${d.name}_raw_${n}`;
    used.add(rawName);
  }
  const decimal = d.notation?.decimal ?? DOT;
  return { info, kind, parseScale: d.parseScale, decimal, dateFamily: d.date?.family ?? 0, dateOrder: d.date?.order ?? 'YMD', rawName };
}

/** `1.234` / `-12.500`: a decimal with three places, or a dot-grouped whole number. */
function looksGrouped(cell: Uint8Array): boolean {
  return /^[-+]?[1-9]\d{0,2}\.\d{3}$/.test(decodeUtf8(cell));
}

function isWholeNumber(cell: Uint8Array): boolean {
  return cell.every((byte, index) => (byte >= 0x30 && byte <= 0x39) || (index === 0 && byte === 0x2d));
}

/** `1.2302025304E+022` or `'DE67…`: a spreadsheet changed the value before the file was written. */
export function isExcelDamaged(cell: Uint8Array): boolean {
  if (cell[0] === 0x27 && cell.length > 1) return true;
  return isScientific(cell, 0, cell.length) && cell.length > 6;
}

function hasExcelDamage(cells: Uint8Array[]): boolean {
  return cells.some(isExcelDamaged);
}

function sampleText(cells: Uint8Array[]): string {
  const cell = cells.find((bytes) => bytes.includes(0x2c) || bytes.includes(0x2e) || bytes.includes(0x2f)) ?? cells[0];
  return cell ? decodeUtf8(cell) : '';
}
