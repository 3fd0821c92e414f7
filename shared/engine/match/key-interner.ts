import { createEncoder, decodeUtf8 } from '../ingest/text-codec';

/**
 * Gives every distinct key a small integer id, straight from UTF-8 bytes in
 * the WASM heap. Decoding a million keys into JS strings and hashing those
 * cost 2 s; hashing the bytes where they lie and comparing them only on a
 * hash hit costs a tenth of that. Both sides of a match share one interner,
 * so equal keys get equal ids and every join is on integers.
 */
export class KeyInterner {
  private bytes = new Uint8Array(1 << 20);
  private used = 0;
  private starts = new Int32Array(1 << 12);
  private lengths = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private table = new Int32Array(1 << 13).fill(-1);
  private mask = (1 << 13) - 1;
  private decoded: (string | undefined)[] = [];
  private readonly encoder = createEncoder();
  size = 0;

  /** The id of the key held in `heap[pointer, pointer + length)`. */
  intern(heap: Uint8Array, pointer: number, length: number): number {
    let hash = 0x811c9dc5 | 0;
    for (let i = pointer, end = pointer + length; i < end; i++) hash = Math.imul(hash ^ heap[i]!, 0x01000193);
    let slot = hash & this.mask;
    for (;;) {
      const id = this.table[slot]!;
      if (id < 0) break;
      if (this.hashes[id] === hash && this.lengths[id] === length && this.sameBytes(id, heap, pointer, length)) return id;
      slot = (slot + 1) & this.mask;
    }
    return this.add(heap, pointer, length, hash, slot);
  }

  /** The id of a JS string key (normalised keys, manual input). */
  internText(text: string): number {
    const bytes = this.encoder.encode(text);
    return this.intern(bytes, 0, bytes.length);
  }

  text(id: number): string {
    const cached = this.decoded[id];
    if (cached !== undefined) return cached;
    const start = this.starts[id]!;
    const found = decodeUtf8(this.bytes.subarray(start, start + this.lengths[id]!));
    this.decoded[id] = found;
    return found;
  }

  /** The UTF-8 bytes of a key (a view: copy before the next intern). */
  utf8(id: number): Uint8Array {
    const start = this.starts[id]!;
    return this.bytes.subarray(start, start + this.lengths[id]!);
  }

  private sameBytes(id: number, heap: Uint8Array, pointer: number, length: number): boolean {
    const start = this.starts[id]!;
    const own = this.bytes;
    for (let i = 0; i < length; i++) if (own[start + i] !== heap[pointer + i]) return false;
    return true;
  }

  private add(heap: Uint8Array, pointer: number, length: number, hash: number, slot: number): number {
    const id = this.size++;
    if (id >= this.starts.length) {
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
      this.hashes = grow(this.hashes);
    }
    if (this.used + length > this.bytes.length) {
      const next = new Uint8Array(Math.max(this.bytes.length * 2, this.used + length));
      next.set(this.bytes.subarray(0, this.used));
      this.bytes = next;
    }
    this.bytes.set(heap.subarray(pointer, pointer + length), this.used);
    this.starts[id] = this.used;
    this.lengths[id] = length;
    this.hashes[id] = hash;
    this.used += length;
    this.table[slot] = id;
    // Keep the table at most half full so probes stay short.
    if (this.size * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id]! & mask;
      while (table[slot]! >= 0) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.table = table;
    this.mask = mask;
  }
}

function grow(array: Int32Array) {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}
