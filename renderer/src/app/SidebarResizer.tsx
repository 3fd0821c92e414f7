import { useRef, type PointerEvent } from 'react';
import { DEFAULT_SETTINGS, SETTINGS_LIMITS } from '../../../shared/settings';

interface SidebarResizerProps {
  width: number;
  onResize(width: number): void;
  /** Called once when the drag ends, to persist the width. */
  onCommit(width: number): void;
}

function clamp(width: number): number {
  return Math.round(Math.min(SETTINGS_LIMITS.sidebarWidth.max, Math.max(SETTINGS_LIMITS.sidebarWidth.min, width)));
}

/** The drag handle between the sidebar and the grid; double-click restores the default width. */
export function SidebarResizer({ width, onResize, onCommit }: SidebarResizerProps) {
  const dragRef = useRef<{ startX: number; startWidth: number; last: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    dragRef.current = { startX: event.clientX, startWidth: width, last: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const drag = dragRef.current;
    if (!drag) return;
    drag.last = clamp(drag.startWidth + event.clientX - drag.startX);
    onResize(drag.last);
  };
  const onPointerUp = () => {
    const drag = dragRef.current;
    dragRef.current = null;
    if (drag && drag.last !== drag.startWidth) onCommit(drag.last);
  };

  return (
    <div
      className="sidebar-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize sidebar"
      aria-valuenow={width}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => onCommit(DEFAULT_SETTINGS.sidebarWidth)}
    />
  );
}
