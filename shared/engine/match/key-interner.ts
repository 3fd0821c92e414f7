import { createEncoder, decodeUtf8 } from '../ingest/text-codec';

/**
 * Gives every distinct key a small integer id, straight from UTF-8 bytes in
 * the WASM heap. Decoding a million keys into JS strings and hashing those
 * cost 2 s; hashing the bytes where they lie and comparing them only on a
 * hash hit costs a fraction of that. Both sides of a match share one
 * interner, so equal keys get equal ids and every join is on integers.
 *
 * At a million keys the cost is cache misses, not arithmetic, so each slot
 * holds the hash beside the id (one miss to reject a slot) and the table is
 * sized up front for the expected number of keys (no rehash on the way).
 */
export class KeyInterner {
  /**
   * Every key's bytes back to back in id order (key `id` is
   * `bytes[starts[id], starts[id + 1])`); staged keys wait past `used`.
   */
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** Per id, where its bytes start; one more entry than ids (the end). 4 bytes a key, where (start, length) took 8. */
  private starts = new Int32Array(1 << 11);
  /** Pairs (hash, id + 1); 0 in the id half = empty. */
  private table = new Int32Array(2 << 11);
  private mask = (1 << 11) - 1;
  private decoded: (string | undefined)[] = [];
  private readonly encoder = createEncoder();
  /** Staged keys' bytes run from `used` to `stagedEnd`, each batch key at `stagedStart[b]`. */
  private stagedEnd = 0;
  private stagedCount = 0;
  private readonly stagedStart = new Int32Array(STAGE_BATCH);
  private readonly stagedLength = new Int32Array(STAGE_BATCH);
  private readonly stagedHash = new Int32Array(STAGE_BATCH);
  /** Written so the slot reads in internStaged are not optimised away. */
  private touched = 0;
  size = 0;

  /**
   * Makes room for `keys` keys in all (and `bytes` bytes of them) without
   * rehashing or regrowing. Room not used costs address space only: a fresh
   * array's pages are not touched until written, and the doubling it saves
   * touched (and copied) every byte twice, page faults that cost 0.7 s of
   * system time on the first 1M × 1M run.
   */
  reserve(keys: number, bytes = 0): void {
    let slots = this.mask + 1;
    while (slots < keys * 2) slots *= 2;
    if (slots > this.mask + 1) this.resize(slots);
    if (keys + 1 > this.starts.length) this.starts = grown(this.starts, keys + 1);
    if (bytes > this.bytes.length) {
      const next = new Uint8Array(bytes);
      next.set(this.bytes.subarray(0, this.stagedEnd));
      this.bytes = next;
    }
  }

  /** The id of the key held in `heap[pointer, pointer + length)`. */
  intern(heap: Uint8Array, pointer: number, length: number): number {
    return this.probe(heap, pointer, length, hashBytes(heap, pointer, length));
  }

  /**
   * Queues a key (its bytes copied, so `heap` may change) for `internStaged`.
   * A million keys looked up one by one wait on a million cache and TLB misses
   * in turn; interned a batch at a time, the batch's table slots are read
   * first, back to back, so their misses overlap: insert and lookup each took
   * about half the time in a 1M-key microbenchmark (0.31 → 0.17 s, 0.30 → 0.12 s).
   * The bytes go where a new key's bytes will stay, so a new key is copied
   * once; a key already known is dropped from there.
   */
  stage(heap: Uint8Array, pointer: number, length: number): void {
    const at = this.stagedCount++;
    const start = this.stagedEnd;
    const bytes = (this.bytes = withRoom(this.bytes, start, length));
    for (let i = 0; i < length; i++) bytes[start + i] = heap[pointer + i]!;
    this.stagedStart[at] = start;
    this.stagedLength[at] = length;
    this.stagedEnd = start + length;
  }

  /** Keys staged and not yet interned; call `internStaged` at STAGE_BATCH. */
  get staged(): number {
    return this.stagedCount;
  }

  /** Interns the staged keys in order: the i-th staged key's id goes to `ids[rows[i]]`. */
  internStaged(ids: Int32Array, rows: Int32Array): void {
    const count = this.stagedCount;
    const bytes = this.bytes;
    const hashes = this.stagedHash;
    for (let b = 0; b < count; b++) hashes[b] = hashBytes(bytes, this.stagedStart[b]!, this.stagedLength[b]!);
    // Read each key's first slot before probing any: independent loads, so the misses overlap.
    const table = this.table;
    const mask = this.mask;
    let touched = 0;
    for (let b = 0; b < count; b++) touched |= table[(hashes[b]! & mask) * 2 + 1]!;
    this.touched = touched;
    for (let b = 0; b < count; b++) ids[rows[b]!] = this.probeStaged(this.stagedStart[b]!, this.stagedLength[b]!, hashes[b]!);
    this.stagedCount = 0;
    this.stagedEnd = this.used;
  }

  /** A staged key's id: a new key's bytes move down to `used` (they already are there unless a key before it in the batch was known). */
  private probeStaged(start: number, length: number, hash: number): number {
    const found = this.find(this.bytes, start, length, hash);
    if (found >= 0) return found;
    if (start !== this.used) {
      // Down, forwards: the regions may overlap, and copyWithin's call costs more than a key's bytes.
      const bytes = this.bytes;
      for (let i = 0, to = this.used; i < length; i++) bytes[to + i] = bytes[start + i]!;
    }
    return this.added(length, hash, -found - 1);
  }

  private probe(heap: Uint8Array, pointer: number, length: number, hash: number): number {
    const found = this.find(heap, pointer, length, hash);
    if (found >= 0) return found;
    const at = this.used;
    const own = (this.bytes = withRoom(this.bytes, this.stagedEnd, length));
    if (this.stagedEnd > at) {
      // Keys are staged where this one goes: move them up past it (rare, and at most a batch).
      own.copyWithin(at + length, at, this.stagedEnd);
      for (let b = 0; b < this.stagedCount; b++) this.stagedStart[b] = this.stagedStart[b]! + length;
      this.stagedEnd += length;
    }
    // A plain loop: subarray() + set() allocate a view per key, which cost more than the copy.
    for (let i = 0; i < length; i++) own[at + i] = heap[pointer + i]!;
    return this.added(length, hash, -found - 1);
  }

  /** The id of the key in `bytes[pointer, pointer + length)`, or −(slot + 1) for the empty slot a new one goes in. */
  private find(bytes: Uint8Array, pointer: number, length: number, hash: number): number {
    const table = this.table;
    let slot = hash & this.mask;
    for (;;) {
      const stored = table[slot * 2 + 1]!;
      if (stored === 0) return -slot - 1;
      if (table[slot * 2] === hash && this.sameBytes(stored - 1, bytes, pointer, length)) return stored - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The id of a JS string key (normalised keys, manual input). */
  internText(text: string): number {
    const bytes = this.encoder.encode(text);
    return this.intern(bytes, 0, bytes.length);
  }

  text(id: number): string {
    const cached = this.decoded[id];
    if (cached !== undefined) return cached;
    const found = decodeUtf8(this.bytes.subarray(this.starts[id]!, this.starts[id + 1]!));
    this.decoded[id] = found;
    return found;
  }

  /** The UTF-8 bytes of a key (a view: copy before the next intern). */
  utf8(id: number): Uint8Array {
    return this.bytes.subarray(this.starts[id]!, this.starts[id + 1]!);
  }

  /** Bytes of all keys, back to back: key `id` is at `offsetOf(id)`, `lengthOf(id)` long. */
  get byteSize(): number {
    return this.used;
  }

  allBytes(): Uint8Array {
    return this.bytes.subarray(0, this.used);
  }

  offsetOf(id: number): number {
    return this.starts[id]!;
  }

  lengthOf(id: number): number {
    return this.starts[id + 1]! - this.starts[id]!;
  }

  private sameBytes(id: number, heap: Uint8Array, pointer: number, length: number): boolean {
    const starts = this.starts;
    const start = starts[id]!;
    if (starts[id + 1]! - start !== length) return false;
    const own = this.bytes;
    for (let i = 0; i < length; i++) if (own[start + i] !== heap[pointer + i]) return false;
    return true;
  }

  /** Records a new key whose `length` bytes were just put at `used`, in table slot `slot`. */
  private added(length: number, hash: number, slot: number): number {
    const id = this.size++;
    if (id + 2 > this.starts.length) this.starts = grow(this.starts);
    this.starts[id] = this.used;
    this.used += length;
    this.starts[id + 1] = this.used;
    if (this.stagedEnd < this.used) this.stagedEnd = this.used;
    this.table[slot * 2] = hash;
    this.table[slot * 2 + 1] = id + 1;
    // Keep the table at most half full so probes stay short.
    if (this.size * 2 > this.mask + 1) this.resize((this.mask + 1) * 2);
    return id;
  }

  private resize(slots: number): void {
    const old = this.table;
    const table = new Int32Array(slots * 2);
    const mask = slots - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = old[s]! & mask;
      while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      table[slot * 2] = old[s]!;
      table[slot * 2 + 1] = old[s + 1]!;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** Bytes a key to reserve room for: payment references run 10–40 bytes. */
export const KEY_BYTES_GUESS = 32;

/** Keys per staged batch: enough loads in flight to cover a miss, few enough to stay in L1. */
export const STAGE_BATCH = 32;

/** FNV-style, four bytes per step, then a murmur3 finaliser so the low bits (the slot) mix well. */
function hashBytes(heap: Uint8Array, pointer: number, length: number): number {
  let hash = 0x811c9dc5 ^ length;
  const end = pointer + length;
  let i = pointer;
  for (const whole = pointer + (length & ~3); i < whole; i += 4) {
    hash = Math.imul(hash ^ (heap[i]! | (heap[i + 1]! << 8) | (heap[i + 2]! << 16) | (heap[i + 3]! << 24)), 0x01000193);
    hash ^= hash >>> 15;
  }
  for (; i < end; i++) hash = Math.imul(hash ^ heap[i]!, 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** `bytes`, or a copy of its first `used` bytes twice as large, with room for `extra` more. */
function withRoom(bytes: Uint8Array<ArrayBuffer>, used: number, extra: number): Uint8Array<ArrayBuffer> {
  if (used + extra <= bytes.length) return bytes;
  const next = new Uint8Array(Math.max(bytes.length * 2, used + extra));
  next.set(bytes.subarray(0, used));
  return next;
}

function grow(array: Int32Array) {
  return grown(array, array.length * 2);
}

function grown(array: Int32Array, length: number) {
  const next = new Int32Array(length);
  next.set(array);
  return next;
}
