import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { EngineError } from '../errors';

/**
 * Safe XML → plain object tree for camt. A DOCTYPE is refused before any
 * parsing (no entity can ever be declared, so none can expand: the billion
 * laughs and external-entity attacks have nothing to work with); entity
 * processing is off in the parser as well, and the five predefined entities
 * and numeric character references are decoded here, by hand.
 */

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

/** Elements that may repeat in camt.052/053/054; always arrays, so one and many read alike. */
const REPEATED = new Set(['Stmt', 'Rpt', 'Ntfctn', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'Btch']);

export function parseSafeXml(text: string, file: string): { root: XmlNode; startOf: (node: XmlNode) => { start: number; end: number } | null } {
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) throw new EngineError('bad-input', 'DOCTYPE not allowed: entity-expansion risk. camt files never need one.', { file, line: lineAt(text, doctype.index) });
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new EngineError('bad-input', `The XML is not well-formed (cut off, or not XML): ${valid.err.msg}`, { file, line: valid.err.line, column: valid.err.col });
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    captureMetaData: true,
    isArray: (name) => REPEATED.has(name),
  });
  const root = parser.parse(text) as XmlNode;
  const symbol = XMLParser.getMetaDataSymbol();
  const startOf = (node: XmlNode) => {
    const meta = (node as unknown as Record<symbol, { startIndex?: number; endIndex?: number } | undefined>)[symbol as symbol];
    return meta?.startIndex === undefined ? null : { start: meta.startIndex, end: meta.endIndex ?? meta.startIndex };
  };
  return { root, startOf };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED[name] ?? whole;
  });
}

/** The element itself: first of an array, undefined for bare text. */
function asNode(value: XmlValue | undefined): XmlNode | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || typeof first === 'string' || Array.isArray(first) ? undefined : first;
}

/** The child at a path, first element of arrays along the way. */
export function child(node: XmlValue | undefined, ...path: string[]): XmlValue | undefined {
  let current: XmlValue | undefined = node;
  for (const key of path) {
    const element = asNode(current);
    if (!element) return undefined;
    current = element[key];
  }
  return current;
}

/** Every node at `key` under `node` (or under each node of an array); bare text children become { '#text' }. */
export function children(node: XmlValue | undefined, key: string): XmlNode[] {
  if (node === undefined || typeof node === 'string') return [];
  if (Array.isArray(node)) return node.flatMap((item) => children(item, key));
  const value = node[key];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item): XmlNode => (typeof item === 'string' ? { '#text': item } : Array.isArray(item) ? {} : item));
}

/** Text content of the element at `path` (its #text when it has attributes), decoded; null if absent or empty. */
export function text(node: XmlValue | undefined, ...path: string[]): string | null {
  const value = child(node, ...path);
  const first = Array.isArray(value) ? value[0] : value;
  const raw = typeof first === 'string' ? first : asNode(first)?.['#text'];
  if (typeof raw !== 'string') return null;
  const decoded = decodeEntities(raw).trim();
  return decoded === '' ? null : decoded;
}

/** An attribute of the element at `path`. */
export function attribute(node: XmlValue | undefined, name: string, ...path: string[]): string | null {
  const attr = asNode(child(node, ...path))?.[`@_${name}`];
  return typeof attr === 'string' ? decodeEntities(attr).trim() : null;
}
