/**
 * Display formatting shared by the sidebar, progress panel and status bar.
 * Money never passes through here as a float: decimal strings from the
 * engine are regrouped as text.
 */

const COUNT = new Intl.NumberFormat('en-US');

/** 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** Bytes as MB with one decimal (analysts compare with the file manager, which uses 10^6). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb < 10 ? mb.toFixed(1) : mb.toFixed(0)} MB`;
}

/** Short size for cards: "820 KB", "12.4 MB", "1.2 GB". */
export function formatSize(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1_000)} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

/** Seconds → "42 s", "3 min 05 s". */
export function formatEta(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** Milliseconds → "820 ms" or "4.2 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * "-1234567.50" → "-1,234,567.50". Works on the text so a 19-digit exact sum
 * keeps every digit; anything that is not a plain decimal is returned as is.
 */
export function groupDecimalString(text: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

// Built once: toLocale*String with options builds a formatter per call (~10 ms on a busy machine),
// and table cards re-render with every progress update while a file streams in.
let clockFormats: { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat; dayOfYear: Intl.DateTimeFormat } | null = null;

function getClockFormats(): { time: Intl.DateTimeFormat; day: Intl.DateTimeFormat; dayOfYear: Intl.DateTimeFormat } {
  clockFormats ??= {
    time: new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }),
    day: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }),
    dayOfYear: new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }),
  };
  return clockFormats;
}

/**
 * Builds the formatters and formats once with each, for a caller to run while the app is idle:
 * the page's first date format loads the locale's data (~15 ms of main thread on a busy
 * machine), which otherwise landed in the task that first shows an imported table's card.
 */
export function prepareClockFormats(): void {
  const formats = getClockFormats();
  const sample = new Date();
  formats.time.format(sample);
  formats.day.format(sample);
  formats.dayOfYear.format(sample);
}

/** Local time for "imported at": "14:05" today, "3 Mar 14:05" otherwise (the full ISO time is in the tooltip). */
export function formatClock(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const formats = getClockFormats();
  const time = formats.time.format(date);
  if (date.toDateString() === now.toDateString()) return time;
  const day = (date.getFullYear() === now.getFullYear() ? formats.day : formats.dayOfYear).format(date);
  return `${day} ${time}`;
}

/** Delimiters as a person names them. */
export function formatDelimiter(delimiter: string): string {
  if (delimiter === '\t') return 'TAB';
  return delimiter;
}
