import { decodeUtf8 } from '../ingest/text-codec';
import type { SqlJsDatabase, SqlValue } from '../sqlite/sqljs-types';
import type { Normalizer } from './spec';

/**
 * Key normalisers as one SQL function, `wb_norm(value, ops)`, where `ops` is
 * the JSON list from the spec. Compiled pipelines are cached by that text, so
 * a 1M-row pass parses the JSON and the regex once.
 */
export type Step = (text: string) => string | null;

export function compileNormalizer(ops: Normalizer[]): Step[] {
  return ops.map((op): Step => {
    if (op === 'trim') return (text) => text.trim();
    if (op === 'casefold') return (text) => text.toLowerCase();
    if (op === 'alnum') return (text) => text.replace(/[^\p{L}\p{N}]+/gu, '');
    const regex = new RegExp(op.regex);
    // The first capture group if there is one, else the whole match.
    return (text) => {
      const found = regex.exec(text);
      return found ? (found[1] ?? found[0]) : null;
    };
  });
}

export function normalizeKey(value: string, steps: Step[]): string | null {
  let text: string | null = value;
  for (const step of steps) {
    if (text === null) return null;
    text = step(text);
  }
  return text === '' ? null : text;
}

export function registerNormalizer(db: SqlJsDatabase): void {
  const cache = new Map<string, Step[]>();
  db.create_function('wb_norm', (value: SqlValue, ops: SqlValue) => {
    if (value === null || value === undefined) return null;
    const key = typeof ops === 'string' ? ops : '[]';
    let steps = cache.get(key);
    if (!steps) {
      steps = compileNormalizer(JSON.parse(key) as Normalizer[]);
      cache.set(key, steps);
    }
    // Blob keys (cells kept as text in a numeric column) compare as their UTF-8 text.
    const text = value instanceof Uint8Array ? decodeUtf8(value) : String(value);
    return normalizeKey(text, steps);
  });
}
