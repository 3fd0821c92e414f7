/**
 * The import overrides as `recon import` and `recon detect` take them, the
 * same ones the preview dialog sets:
 *   --encoding cp852  --delimiter ";"|TAB  --header-line 14 (0: no header)
 *   --date-order DMY|MDY  --decimal-mark ,|.  --sheet "Sheet 2"
 *   --column "Betrag=decimal:2"  --column "Notiz=skip"  (repeatable; types:
 *   integer, decimal[:scale], date, timestamp, boolean, text)
 */
import type { ColumnOverride, ColumnType, ImportOptions } from '../../shared/engine/api';
import { UsageError, stringFlag, type ParsedArgs } from './args';

const TYPES: readonly ColumnType[] = ['integer', 'decimal', 'timestamp', 'date', 'boolean', 'text'];

export function importOptionsFromArgs(args: ParsedArgs, importId: string): ImportOptions {
  const options: ImportOptions = { importId };
  const encoding = stringFlag(args, 'encoding');
  const delimiter = stringFlag(args, 'delimiter');
  const headerLine = stringFlag(args, 'header-line');
  const dateOrder = stringFlag(args, 'date-order');
  const decimalMark = stringFlag(args, 'decimal-mark');
  const sheet = stringFlag(args, 'sheet');
  if (encoding) options.encoding = encoding;
  if (delimiter) options.delimiter = delimiter === 'TAB' ? '\t' : delimiter;
  if (headerLine !== undefined) {
    if (!/^\d+$/.test(headerLine)) throw new UsageError('--header-line needs a line number (0 for a file without a header)');
    options.headerLine = Number(headerLine);
  }
  if (dateOrder !== undefined) {
    const order = dateOrder.toUpperCase();
    if (order !== 'DMY' && order !== 'MDY') throw new UsageError('--date-order must be DMY or MDY');
    options.dateOrder = order;
  }
  if (decimalMark !== undefined) {
    if (decimalMark !== '.' && decimalMark !== ',') throw new UsageError('--decimal-mark must be "." or ","');
    options.decimalMark = decimalMark;
  }
  if (sheet !== undefined) options.sheet = sheet;
  const columns = args.lists.get('column') ?? [];
  if (columns.length > 0) options.columns = Object.fromEntries(columns.map(parseColumn));
  return options;
}

function isColumnType(text: string): text is ColumnType {
  return (TYPES as readonly string[]).includes(text);
}

/** "Label=decimal:2" → ["Label", { type: 'decimal', scale: 2 }]; the label may itself contain "=". */
function parseColumn(text: string): [string, ColumnOverride] {
  const at = text.lastIndexOf('=');
  if (at <= 0) throw new UsageError(`--column needs "Header=type[:scale]" or "Header=skip", not "${text}"`);
  const label = text.slice(0, at);
  const spec = text.slice(at + 1).trim().toLowerCase();
  if (spec === 'skip') return [label, { skip: true }];
  const [type = '', scale] = spec.split(':');
  if (!isColumnType(type)) throw new UsageError(`--column ${label}: "${type}" is not one of ${TYPES.join(', ')} or skip`);
  const override: ColumnOverride = { type };
  if (scale !== undefined) {
    if (!/^\d$/.test(scale) || Number(scale) > 6) throw new UsageError(`--column ${label}: the scale must be 0 to 6`);
    override.scale = Number(scale);
  }
  return [label, override];
}
