/**
 * SWIFT framing (SOH 0x01 before a message, ETX 0x03 after it, as mBank
 * writes) and NUL padding after the last line are transport artefacts around
 * otherwise-text files. A few of them are removed and counted; NULs inside
 * the text still mean binary content.
 */
export const MAX_FRAMING_BYTES = 16;

const SOH = 0x01;
const ETX = 0x03;

export function countFramingBytes(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === SOH || bytes[i] === ETX) count++;
  return count;
}

/** Offset where a run of NULs ending the bytes starts (bytes.length if none). */
export function trailingNulStart(bytes: Uint8Array): number {
  let i = bytes.length;
  while (i > 0 && bytes[i - 1] === 0) i--;
  return i;
}

/** The chunk without SOH/ETX bytes (the same array when it has none). */
export function stripFramingBytes(chunk: Uint8Array): { bytes: Uint8Array; removed: number } {
  if (chunk.indexOf(SOH) < 0 && chunk.indexOf(ETX) < 0) return { bytes: chunk, removed: 0 };
  const out = new Uint8Array(chunk.length);
  let w = 0;
  for (let i = 0; i < chunk.length; i++) {
    const byte = chunk[i]!;
    if (byte !== SOH && byte !== ETX) out[w++] = byte;
  }
  return { bytes: out.subarray(0, w), removed: chunk.length - w };
}
