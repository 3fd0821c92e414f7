/**
 * Where to put the window on launch. Pure, so it is testable: saved bounds are
 * reused only if enough of the title bar lands on a current display (monitors
 * get unplugged between sessions).
 */
import type { WindowBounds } from '../../shared/settings';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowPlacement {
  /** Without x/y Electron centres the window on the primary display. */
  readonly bounds: { readonly width: number; readonly height: number; readonly x?: number; readonly y?: number };
  readonly isMaximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
// Enough of the top edge to grab with the mouse.
const MIN_VISIBLE = 64;

function visibleTopStrip(bounds: Rectangle, area: Rectangle): number {
  const left = Math.max(bounds.x, area.x);
  const right = Math.min(bounds.x + bounds.width, area.x + area.width);
  const isTopInside = bounds.y >= area.y && bounds.y < area.y + area.height - MIN_VISIBLE / 2;
  return isTopInside ? Math.max(0, right - left) : 0;
}

export function restoreWindowPlacement(saved: WindowBounds | null, workAreas: readonly Rectangle[]): WindowPlacement {
  if (saved === null) return { bounds: DEFAULT_WINDOW_SIZE, isMaximized: false };
  const area = workAreas.find((candidate) => visibleTopStrip(saved, candidate) >= MIN_VISIBLE);
  if (area === undefined) return { bounds: DEFAULT_WINDOW_SIZE, isMaximized: saved.isMaximized };
  return {
    bounds: {
      x: saved.x,
      y: saved.y,
      width: Math.min(saved.width, area.width),
      height: Math.min(saved.height, area.height),
    },
    isMaximized: saved.isMaximized,
  };
}
