import type { StatementFormat } from './statement-model';

/**
 * Which bank-statement format a file is, from its first bytes (64 KiB is
 * plenty), or null for anything else, CSV included. Each test asks for two
 * independent signs, so a CSV that happens to start "01," or hold ":20:"
 * in a cell is not taken for a statement.
 */
export function detectStatementFormat(head: Uint8Array): StatementFormat | null {
  const text = asciiView(head);
  const body = text.replace(/^\uFEFF/, '').replace(/^[\s\x01]+/, '');
  if (isNacha(body)) return 'nacha';
  // BAI2: a 01 file header with its YYMMDD creation date, then a 02 group header with status and as-of date.
  if (/^01,[^,\n]*,[^,\n]*,\d{6},/.test(body) && /(^|\/|\n)\s*02,[^,\n]*,[^,\n]*,\d?,\d{6}\b/.test(body)) return 'bai2';
  const camt = camtFormat(body);
  if (camt) return camt;
  return swiftFormat(text);
}

/** Bytes as Latin-1 characters: every format here is recognised by its ASCII structure, whatever the encoding. */
function asciiView(head: Uint8Array): string {
  let text = '';
  const limit = Math.min(head.length, 64 * 1024);
  for (let i = 0; i < limit; i += 8192) text += String.fromCharCode(...head.subarray(i, Math.min(limit, i + 8192)));
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  return text;
}

/**
 * A "101" file header followed by a "5" batch header (or straight by the "9"
 * control of an empty file). Some systems strip trailing spaces, so the
 * header may be shorter than 94; a file with no line breaks is one long
 * line of 94-character records.
 */
function isNacha(body: string): boolean {
  const lines = body.split(/\r\n|\r|\n/);
  const first = lines[0] ?? '';
  const next = lines[1] ?? '';
  if (!first.startsWith('101')) return false;
  if (first.length > 94) return first.length % 94 === 0 && first[94] === '5';
  return first.length >= 40 && (next.startsWith('5') || (first.length === 94 && next.startsWith('9')));
}

function camtFormat(body: string): StatementFormat | null {
  // The root element must be Document (prolog, comments and a DOCTYPE may come first; camt.ts refuses the DOCTYPE).
  const root = /^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<(?:[A-Za-z_][\w.-]*:)?Document[\s>]/.exec(body);
  if (!root) return null;
  const namespace = /urn:iso:std:iso:20022:tech:xsd:camt\.(05[234])\./.exec(body.slice(0, 4096));
  return namespace ? (`camt.${namespace[1]}` as StatementFormat) : null;
}

/**
 * MT940/MT942: a ":20:" field at the start of a line plus an account or
 * balance field, after any SWIFT envelope or bank preamble. MT942 has no
 * :60F:/:60M: opening balance but a :34F: floor limit or :13D: timestamp.
 */
function swiftFormat(text: string): StatementFormat | null {
  const body = text.replace(/[\x01\x03]/g, '').replace(/\{[1235]:(?:[^{}]|\{[^{}]*\})*\}|\{4:/g, '\n');
  if (!/^:20:/m.test(body)) return null;
  const hasOpening = /^:60[FM]:/m.test(body);
  if (!hasOpening && /^:(34F|13D):/m.test(body)) return 'mt942';
  return hasOpening || /^:25:/m.test(body) ? 'mt940' : null;
}
