/**
 * A small JSON reader that keeps numbers as the text the file wrote.
 * `JSON.parse` turns `12345678901234567.89` into a double and loses digits;
 * money must arrive exactly, so numbers stay strings and objects become Maps
 * (a `__proto__` key is then just a key).
 */

export class JsonNumber {
  constructor(readonly text: string) {}
}

export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | Map<string, JsonValue>;

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseJsonExact(text: string): JsonValue {
  let i = 0;
  const fail = (what: string): never => {
    let line = 1;
    for (let k = 0; k < i && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
    throw new JsonSyntaxError(`${what} at line ${line}`, line);
  };
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = ++i;
    let out = '';
    let from = start;
    for (;;) {
      if (i >= text.length) fail('Unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail('Control character inside a string');
      if (c === 0x5c) {
        out += text.slice(from, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else fail('Bad escape');
        from = i;
        continue;
      }
      i++;
    }
    out += text.slice(from, i);
    i++;
    return out;
  };
  const value = (depth: number): JsonValue => {
    if (depth > 64) fail('Nesting deeper than 64 levels');
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const map = new Map<string, JsonValue>();
      space();
      if (text[i] === '}') return i++, map;
      for (;;) {
        space();
        if (text[i] !== '"') fail('Expected a key');
        const key = string();
        space();
        if (text[i++] !== ':') fail('Expected ":"');
        map.set(key, value(depth + 1));
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, map;
        else fail('Expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const list: JsonValue[] = [];
      space();
      if (text[i] === ']') return i++, list;
      for (;;) {
        list.push(value(depth + 1));
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, list;
        else fail('Expected "," or "]"');
      }
    }
    if (c === '"') return string();
    for (const [word, result] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) return (i += word.length), result;
    }
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) return fail('Unexpected character');
    i += match[0].length;
    return new JsonNumber(match[0]);
  };
  const result = value(0);
  space();
  if (i < text.length) fail('Unexpected text after the JSON value');
  return result;
}

/** JSON text again, numbers exactly as read: arrays are kept in a cell this way. */
export function stringifyExact(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(stringifyExact).join(',')}]`;
  return `{${[...value].map(([key, item]) => `${JSON.stringify(key)}:${stringifyExact(item)}`).join(',')}}`;
}
