import type { ColumnInfo, TableInfo } from '../../../../shared/engine/api';
import { isNumericType } from '../../lib/column-type';
import type { SpecDraft } from './spec-draft';

/**
 * When a table is picked, fill the obvious columns (amount, date, currency)
 * the analyst has not chosen yet, and drop choices the new table lacks.
 * Keys are never guessed: picking the wrong one silently matches nothing.
 */
function suggestAmount(columns: readonly ColumnInfo[]): string {
  const numeric = columns.filter((column) => isNumericType(column.type));
  const byName = (pattern: RegExp) => numeric.find((column) => pattern.test(column.name));
  return (byName(/^net$/i) ?? byName(/amount|^amt|betrag|montant/i) ?? numeric.find((column) => column.role === 'money') ?? numeric.find((column) => column.type === 'decimal'))?.name ?? '';
}

function suggestDate(columns: readonly ColumnInfo[]): string {
  const dated = columns.filter((column) => column.type === 'date' || column.type === 'timestamp');
  return (dated.find((column) => /book|value|arriv|settle|date/i.test(column.name)) ?? dated[0])?.name ?? '';
}

function suggestCurrency(columns: readonly ColumnInfo[]): string {
  return (columns.find((column) => column.role === 'currency') ?? columns.find((column) => /^(currency|ccy|cur|waehrung|währung|devise)$/i.test(column.name)))?.name ?? '';
}

export function withTable(draft: SpecDraft, side: 'left' | 'right', table: TableInfo | undefined): SpecDraft {
  const columns = table?.columns ?? [];
  const has = (name: string) => columns.some((column) => column.name === name);
  const keep = (name: string, suggestion: () => string) => (name !== '' && has(name) ? name : suggestion());
  const next: SpecDraft = {
    ...draft,
    [side]: { ...draft[side], table: table?.name ?? '' },
    keys: draft.keys.map((key) => ({ ...key, [side]: has(key[side]) ? key[side] : '' })),
    amount: { ...draft.amount, [side]: keep(draft.amount[side], () => suggestAmount(columns)) },
    date: { ...draft.date, [side]: keep(draft.date[side], () => suggestDate(columns)) },
    currency: { ...draft.currency, [side]: keep(draft.currency[side], () => suggestCurrency(columns)) },
  };
  if (draft.group.side === side && !has(draft.group.feeColumn)) next.group = { ...draft.group, feeColumn: '' };
  return next;
}
