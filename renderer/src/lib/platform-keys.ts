/**
 * Whether to show and bind macOS keys (⌘) or Ctrl. Electron reports the real
 * platform through appInfo; before that answers, and in the browser, the
 * user agent is the best guess.
 */
export function guessIsMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent);
}
