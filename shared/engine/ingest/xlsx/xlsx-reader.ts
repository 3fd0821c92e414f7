/**
 * How the engine reads a worksheet's cells. The host supplies it
 * (read-excel-file's web-worker entry in the app, its Node entry in the CLI
 * and tests), so `shared/` stays free of host-specific imports. Numbers must
 * arrive as the text the file holds (`{ number: "1234.5600000000001" }`),
 * never as a JS number, so the importer can apply the exact-money rule.
 */
export type XlsxCell = string | boolean | Date | { number: string } | null;

export interface XlsxReader {
  /** The rows of one worksheet, from row 1; trailing empty rows may be left out. */
  readSheet(bytes: Uint8Array, sheet: string): Promise<XlsxCell[][]>;
}

/**
 * The options every host passes to read-excel-file: numbers as written,
 * strings untrimmed (leading spaces can be data).
 */
export const READ_EXCEL_OPTIONS = {
  trim: false,
  parseNumber: (text: string): { number: string } => ({ number: text }),
} as const;

export function isNumberCell(cell: XlsxCell): cell is { number: string } {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}
