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

/** Joins the parts of a multi-column key; shown in results, and never found in real identifiers. */
export const KEY_SEPARATOR = '\u241F';

/**
 * The whole key pipeline for a spec's key pairs on one side: the raw text
 * (parts already joined by KEY_SEPARATOR in SQL) → the normalised key, or
 * null when any part is missing. Null when no JS work is needed at all.
 */
export function keyPipeline(pairs: readonly { normalize: Normalizer[] }[]): ((raw: string) => string | null) | null {
  if (pairs.length === 0 || (pairs.length === 1 && pairs[0]!.normalize.length === 0)) return null;
  const steps = pairs.map((pair) => compileNormalizer(pair.normalize));
  if (steps.length === 1) return (raw) => normalizeKey(raw, steps[0]!);
  return (raw) => {
    const parts = raw.split(KEY_SEPARATOR);
    if (parts.length !== steps.length) return null;
    const normalised: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = normalizeKey(parts[i]!, steps[i]!);
      if (part === null) return null;
      normalised.push(part);
    }
    return normalised.join(KEY_SEPARATOR);
  };
}
