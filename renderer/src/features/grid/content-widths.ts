import type { ColumnInfo } from '../../../../shared/engine/api';
import { cellText } from './column-defs';
import { CELL_PADDING_PX, GRID_FONT_FAMILY, GRID_FONT_SIZE } from './grid-theme';
import type { GridRow } from './grid-row';
import { headerWidth } from './header-width';

export const MAX_AUTO_WIDTH = 420;
const MIN_WIDTH = 60;
// Both paddings, the cell borders, and the slack AG Grid's own autosize adds (autoSizePadding).
const CELL_CHROME_PX = 2 * CELL_PADDING_PX + 2 + 20;

let context: CanvasRenderingContext2D | null | undefined;
const charWidths = new Map<string, number>();

// CJK and other wide scripts start here; their glyphs are about 1em wide.
const FIRST_WIDE_CODE_POINT = 0x2e80;

function charWidth(char: string): number {
  // Estimated, not measured: measuring one makes the browser look up a fallback font
  // (~30 ms for a few characters), and the column holding it is often off screen.
  if ((char.codePointAt(0) ?? 0) >= FIRST_WIDE_CODE_POINT) return GRID_FONT_SIZE;
  let width = charWidths.get(char);
  if (width === undefined) {
    if (context === undefined) {
      context = document.createElement('canvas').getContext('2d');
      if (context) context.font = `${GRID_FONT_SIZE}px ${GRID_FONT_FAMILY.map((name) => (name.includes(' ') ? `"${name}"` : name)).join(', ')}`;
    }
    width = context ? context.measureText(char).width : 7.5;
    charWidths.set(char, width);
  }
  return width;
}

/**
 * Sets the canvas font up and measures the printable ASCII characters while
 * the app is idle, so none of it lands in the task that first shows a table.
 */
export function prepareTextWidths(): void {
  for (let code = 32; code < 127; code++) charWidth(String.fromCharCode(code));
}

// ASCII widths by code (-1: not measured yet): sizing a new table reads ~20,000 characters
// in the task that first shows it, and a string-keyed map lookup per character was most of it.
const asciiWidths = new Float64Array(128).fill(-1);

/**
 * Summed per character (kerning ignored, within the slack below): measuring each
 * cell's text took ~50 µs a call, 150 ms for a 200-row block on a busy machine.
 */
function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      let ascii = asciiWidths[code]!;
      if (ascii < 0) ascii = asciiWidths[code] = charWidth(String.fromCharCode(code));
      width += ascii;
      continue;
    }
    const point = text.codePointAt(i)!;
    if (point > 0xffff) i++; // the low half of a surrogate pair
    width += charWidth(String.fromCodePoint(point));
  }
  return width;
}

/**
 * Column widths that fit the given rows' text and the header, capped so a long
 * description does not push every other column off screen. Measured on a
 * canvas, not in the DOM: AG Grid's autosize clones every rendered cell and
 * forces a layout, hundreds of milliseconds of main thread while a file streams in.
 */
export function contentWidths(columns: readonly ColumnInfo[], rows: readonly GridRow[]): Map<string, number> {
  const widths = new Map<string, number>();
  columns.forEach((column, index) => {
    let widest = 0;
    for (const row of rows) widest = Math.max(widest, textWidth(cellText(row, index, column)));
    const content = widest > 0 ? Math.ceil(widest) + CELL_CHROME_PX : MIN_WIDTH;
    widths.set(column.name, Math.min(MAX_AUTO_WIDTH, Math.max(MIN_WIDTH, content, headerWidth(column))));
  });
  return widths;
}
