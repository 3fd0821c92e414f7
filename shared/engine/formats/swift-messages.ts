/**
 * SWIFT MT text → messages of tagged fields. Files arrive with the FIN
 * envelope ({1:…}{2:…}{4: … -}), bare SOH/ETX framing bytes (mBank), bank
 * preamble lines (ABN AMRO's "ABNANL2A / 940", ING's "0000 01INGBNL2A…"),
 * or nothing at all. The envelope is blanked out character by character
 * but newlines are kept, so every line number still points at the file.
 */

export interface SwiftField {
  tag: string;
  /** The text after ":TAG:" and every continuation line, as written. */
  lines: string[];
  line: number;
}

export interface SwiftMessage {
  fields: SwiftField[];
  line: number;
  lastLine: number;
  /** Closed by a "-" line; an unterminated last message means the file may be cut. */
  terminated: boolean;
}

const FIELD = /^:(\d{2}[A-Z]?|[A-Z]{2}):(.*)$/;
const END = /^-(?:XXX|\})?\s*$/;
/** Fields that may run over several lines: :61: (supplementary details), :86: (6×65x), non-standard ones. */
const MULTI_LINE = new Set(['61', '86', 'NS']);

export function stripSwiftEnvelope(text: string): string {
  const keepNewlines = (match: string) => match.replace(/[^\n]/g, '');
  return text
    .replace(/[\x01\x03]/g, '')
    .replace(/\{[1235]:(?:[^{}]|\{[^{}]*\})*\}/g, keepNewlines)
    .replace(/\{4:/g, '')
    .replace(/^-\}/gm, '-');
}

export function splitSwiftMessages(text: string): SwiftMessage[] {
  const messages: SwiftMessage[] = [];
  let current: SwiftMessage | null = null;
  const lines = stripSwiftEnvelope(text).split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const content = lines[index]!;
    const line = index + 1;
    const field = FIELD.exec(content);
    if (field) {
      const tag = field[1]!;
      if (!current || (tag === '20' && current.fields.length > 0)) {
        current = { fields: [], line, lastLine: line, terminated: false };
        messages.push(current);
      }
      current.fields.push({ tag, lines: [field[2]!], line });
      current.lastLine = line;
      continue;
    }
    if (!current) continue; // preamble before a message
    if (END.test(content)) {
      current.terminated = true;
      current.lastLine = line;
      current = null;
      continue;
    }
    if (content.trim() === '') continue;
    const last = current.fields[current.fields.length - 1];
    if (last && MULTI_LINE.has(last.tag)) {
      last.lines.push(content);
      current.lastLine = line;
    }
  }
  return messages;
}

export function fieldText(field: SwiftField): string {
  return field.lines.join('\n');
}
