/**
 * The table of contents of a ZIP archive (an XLSX workbook is one), read
 * from its end without unpacking anything: entry names for detection, and
 * the declared sizes that the zip-bomb limits are checked against before
 * any library inflates a byte. ZIP64 records are followed for large files.
 */
import type { ByteSource } from '../../api';
import { decodeUtf8 } from '../text-codec';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Sum of the declared uncompressed sizes: what unpacking would allocate. */
  uncompressedBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const EOCD_BYTES = 22;
const MAX_COMMENT = 0xffff;
/** A central directory this large is not a workbook's (thousands of sheets would still be far below it). */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

export function hasZipMagic(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

export function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0;
}

function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 0x100000000;
}

/** The archive's entries, or null when the bytes are not a readable ZIP directory. */
export async function readZipDirectory(source: ByteSource): Promise<ZipDirectory | null> {
  const tailLength = Math.min(source.size, MAX_COMMENT + EOCD_BYTES + 20);
  const tail = await source.read(source.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - EOCD_BYTES; i >= 0; i--) {
    if (u32(tail, i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  let count = u16(tail, at + 10);
  let size = u32(tail, at + 12);
  let offset = u32(tail, at + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = at - 20;
    if (locator < 0 || u32(tail, locator) !== ZIP64_LOCATOR) return null;
    const record = await source.read(u64(tail, locator + 8), 56);
    if (u32(record, 0) !== ZIP64_EOCD) return null;
    count = u64(record, 32);
    size = u64(record, 40);
    offset = u64(record, 48);
  }
  if (size > MAX_DIRECTORY_BYTES || offset + size > source.size) return null;
  return parseEntries(await source.read(offset, size), count);
}

function parseEntries(directory: Uint8Array, count: number): ZipDirectory | null {
  const entries: ZipEntry[] = [];
  let uncompressedBytes = 0;
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directory.length || u32(directory, p) !== CENTRAL) return null;
    const nameLength = u16(directory, p + 28);
    const extraLength = u16(directory, p + 30);
    const commentLength = u16(directory, p + 32);
    const entry: ZipEntry = {
      name: decodeUtf8(directory.subarray(p + 46, p + 46 + nameLength)),
      method: u16(directory, p + 10),
      compressedSize: u32(directory, p + 20),
      uncompressedSize: u32(directory, p + 24),
      localOffset: u32(directory, p + 42),
    };
    applyZip64(entry, directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    entries.push(entry);
    uncompressedBytes += entry.uncompressedSize;
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, uncompressedBytes };
}

/** ZIP64 extra field (id 1): the 64-bit values of whichever sizes were written as 0xFFFFFFFF, in order. */
function applyZip64(entry: ZipEntry, extra: Uint8Array): void {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = u16(extra, p);
    const length = u16(extra, p + 2);
    if (id === 1) {
      let q = p + 4;
      const take = () => {
        const value = u64(extra, q);
        q += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localOffset === 0xffffffff) entry.localOffset = take();
      return;
    }
    p += 4 + length;
  }
}
