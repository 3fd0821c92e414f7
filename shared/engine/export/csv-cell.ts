/**
 * CSV output that is safe to open in a spreadsheet. Text that a spreadsheet
 * would run as a formula (starting with = + - @, tab, CR or LF; OWASP CSV
 * Injection) gets a leading apostrophe. Numbers are written as numbers, so a
 * negative amount stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = neutralizeFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: (string | number | null)[]): string {
  return values.map(csvCell).join(',');
}
