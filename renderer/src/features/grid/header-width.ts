import type { ColumnInfo } from '../../../../shared/engine/api';
import { typeBadge } from '../../lib/column-type';

/**
 * Width a header needs to show its whole label, badge and buttons. AG Grid's
 * autosize measures cell text but not our custom header content, so without
 * this a narrow date column would show "c…" instead of "created".
 */

// Padding (2 × 8), two gaps, the menu button, the filter button and a little room for a sort arrow.
const HEADER_CHROME_PX = 80;
const BADGE_CHAR_PX = 6.4;
const BADGE_PADDING_PX = 10;

let context: CanvasRenderingContext2D | null | undefined;

function measure(text: string): number {
  if (context === undefined) {
    context = document.createElement('canvas').getContext('2d');
    if (context) context.font = `600 12px ${getComputedStyle(document.body).fontFamily}`;
  }
  return context ? context.measureText(text).width : text.length * 7.5;
}

export function headerWidth(column: ColumnInfo): number {
  const badge = typeBadge(column);
  return Math.ceil(measure(column.label || column.name) + badge.length * BADGE_CHAR_PX + BADGE_PADDING_PX + HEADER_CHROME_PX);
}
