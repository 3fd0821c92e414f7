import type { ByteSource } from '../api';
import { stripFramingBytes } from './control-bytes';
import { createTranscoder } from './detect-encoding';

const FIRST_CHUNK_BYTES = 1024 * 1024;

/**
 * Reads a source in chunks, converts them to UTF-8, and keeps the unconsumed
 * tail of the previous chunk in front of the new bytes, in one reused buffer.
 */
export class ChunkStream {
  buffer: Uint8Array;
  length = 0;
  bytesRead: number;
  private reads = 0;
  /** Reads issued so far (the ring slot of the next is this modulo 2). */
  private issued = 0;
  private readOffset: number;
  private pending: Promise<Uint8Array> | null = null;
  /**
   * With a source that reads into given memory: two read buffers, used in
   * turn. Read k+2 starts only after read k's bytes were copied out (in the
   * next() that awaited read k+1), so a buffer is never read while in use.
   */
  private readonly ring: Uint8Array[] | null;
  private readonly transcoder;
  /** SOH/ETX bytes removed so far (only when the file was found to carry SWIFT framing). */
  framingRemoved = 0;

  constructor(
    private readonly source: ByteSource,
    encoding: string,
    startOffset: number,
    private readonly chunkBytes: number,
    private readonly stripFraming = false,
  ) {
    this.bytesRead = startOffset;
    this.readOffset = startOffset;
    this.buffer = new Uint8Array(chunkBytes * 2);
    this.transcoder = createTranscoder(encoding);
    this.ring = source.readInto ? [new Uint8Array(chunkBytes), new Uint8Array(chunkBytes)] : null;
  }

  get isDone(): boolean {
    return this.bytesRead >= this.source.size;
  }

  /** Drops the first `consumed` bytes, then appends the next chunk. */
  async next(consumed: number): Promise<void> {
    const carry = this.length - consumed;
    if (carry > 0 && consumed > 0) this.buffer.copyWithin(0, consumed, this.length);
    this.length = Math.max(0, carry);
    const want = this.nextReadSize();
    this.reads++;
    let bytes = want > 0 ? await (this.pending ?? this.read(this.readOffset, want)) : new Uint8Array(0);
    this.pending = null;
    this.readOffset += want;
    this.bytesRead += bytes.length;
    if (bytes.length < want) {
      this.bytesRead = this.source.size; // the file shrank under us
      this.readOffset = this.source.size;
    }
    // Start reading the next chunk now: in a browser File.slice().arrayBuffer() is I/O
    // done off-thread (1.7 s of a 206 MB import), so it overlaps scanning and inserting.
    const ahead = this.nextReadSize();
    if (ahead > 0) {
      this.pending = this.read(this.readOffset, ahead);
      // If the import stops before using it, a failed read must not surface as unhandled.
      this.pending.catch(() => undefined);
    }
    if (this.stripFraming) {
      const stripped = stripFramingBytes(bytes);
      bytes = stripped.bytes;
      this.framingRemoved += stripped.removed;
    }
    if (this.transcoder) bytes = this.transcoder.push(bytes, this.isDone);
    this.ensure(this.length + bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  private read(offset: number, length: number): Promise<Uint8Array> {
    const ring = this.ring;
    if (!ring || !this.source.readInto || length > this.chunkBytes) return this.source.read(offset, length);
    const slot = this.issued++ % 2;
    return this.source.readInto(offset, ring[slot]!.subarray(0, length)).then((bytes) => {
      // The memory may come back in a new buffer (a stream detaches the one it was given).
      ring[slot] = new Uint8Array(bytes.buffer, 0, this.chunkBytes);
      return bytes;
    });
  }

  /** A small first read puts the first rows on screen sooner; later reads are large for throughput. */
  private nextReadSize(): number {
    const size = this.reads === 0 ? Math.min(this.chunkBytes, FIRST_CHUNK_BYTES) : this.chunkBytes;
    return Math.min(size, this.source.size - this.readOffset);
  }

  private ensure(size: number): void {
    if (size <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(size, this.buffer.length * 2));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}
