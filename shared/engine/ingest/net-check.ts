import type { TableInfo } from '../api';
import type { EngineContext } from '../context';
import { formatScaled } from '../money/decimal';
import { quoteIdentifier } from './names';

const MAX_LISTED = 5;

/**
 * Processor exports promise net = gross − fee on every row (Stripe, Checkout.com).
 * A row that breaks it is reported with its numbers, not corrected: the file is
 * evidence, and the difference is what an analyst needs to see.
 */
export function checkNetEqualsGrossMinusFee(context: EngineContext, table: TableInfo): string[] {
  const find = (name: string) => table.columns.find((column) => column.name === name && column.type === 'decimal');
  const gross = find('gross');
  const fee = find('fee');
  const net = find('net');
  if (!gross || !fee || !net || gross.scale !== fee.scale || fee.scale !== net.scale) return [];
  const [g, f, n] = [gross, fee, net].map((column) => quoteIdentifier(column.name));
  const rows = context.sqlite.db.exec(
    `SELECT rowid, ${g}, ${f}, ${n} FROM ${quoteIdentifier(table.name)}
     WHERE typeof(${g}) = 'integer' AND typeof(${f}) = 'integer' AND typeof(${n}) = 'integer' AND ${g} - ${f} <> ${n}
     ORDER BY rowid LIMIT ${MAX_LISTED + 1}`,
    null,
    { useBigInt: true },
  )[0]?.values ?? [];
  if (rows.length === 0) return [];
  const big = (value: unknown) => (typeof value === 'bigint' ? value : BigInt(Number(value ?? 0)));
  const listed = rows.slice(0, MAX_LISTED).map(([rowid, grossValue, feeValue, netValue]) => {
    const expected = big(grossValue) - big(feeValue);
    return `row ${String(rowid)}: gross ${formatScaled(big(grossValue), gross.scale)} − fee ${formatScaled(big(feeValue), gross.scale)} = ${formatScaled(expected, gross.scale)}, but net is ${formatScaled(big(netValue), gross.scale)} (off by ${formatScaled(big(netValue) - expected, gross.scale)})`;
  });
  return [`net ≠ gross − fee on ${rows.length > MAX_LISTED ? `more than ${MAX_LISTED}` : rows.length} row(s): ${listed.join('; ')}.`];
}
