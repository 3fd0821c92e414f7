/**
 * Puts text on the clipboard. The async Clipboard API is preferred; it is
 * missing or refused in some contexts (insecure origins, no permission),
 * where a hidden textarea and execCommand('copy') still work.
 */
export async function writeClipboard(text: string): Promise<void> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // Fall through to the legacy path.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  area.style.pointerEvents = 'none';
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(area);
  area.select();
  try {
    if (!document.execCommand('copy')) throw new Error('The clipboard refused the copy');
  } finally {
    area.remove();
    previous?.focus({ preventScroll: true });
  }
}
