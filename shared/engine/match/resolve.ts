/**
 * Turns candidate pairs into decisions, the same way for every pass.
 *
 * x is a left row (or group), y a right row (or group); dist says how far
 * apart they are (0 = identical). A pair is accepted when each is the other's
 * closest candidate and neither has another candidate at that distance.
 * Where the closest candidates tie, every row in the tie is flagged ambiguous
 * on both sides instead of one being picked at random. Rows that are neither
 * stay open for later passes.
 */
export class Candidates {
  size = 0;
  x: Int32Array;
  y: Int32Array;
  /** Amount difference (right − left) and days apart (NaN = unknown). */
  da: Float64Array;
  dd: Float64Array;
  dist: Float64Array;

  /** `expected`: a good guess saves the copies of growing (one candidate per row is typical). */
  constructor(expected = 1024) {
    const n = Math.max(16, expected);
    this.x = new Int32Array(n);
    this.y = new Int32Array(n);
    this.da = new Float64Array(n);
    this.dd = new Float64Array(n);
    this.dist = new Float64Array(n);
  }

  push(x: number, y: number, da: number, dd: number, dist: number): void {
    if (this.size === this.x.length) this.grow();
    const i = this.size++;
    this.x[i] = x;
    this.y[i] = y;
    this.da[i] = da;
    this.dd[i] = dd;
    this.dist[i] = dist;
  }

  private grow(): void {
    const n = this.x.length * 2;
    const copyInt = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    const copyFloat = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    this.x = copyInt(this.x);
    this.y = copyInt(this.y);
    this.da = copyFloat(this.da);
    this.dd = copyFloat(this.dd);
    this.dist = copyFloat(this.dist);
  }
}

export interface Resolution {
  /** Indexes into the candidates, in candidate order. */
  accepted: Int32Array;
  ambiguousX: number[];
  ambiguousY: number[];
}

export function resolveCandidates(c: Candidates, xDomain: number, yDomain: number): Resolution {
  // Work on the rows that have candidates, numbered densely: arrays the size of the whole
  // side (and filled) cost page faults for every row when only a few have candidates.
  const xs = compact(c.x, c.size, xDomain);
  const ys = compact(c.y, c.size, yDomain);
  const minX = new Float64Array(xs.count).fill(Infinity);
  const minY = new Float64Array(ys.count).fill(Infinity);
  const atMinX = new Int32Array(xs.count);
  const atMinY = new Int32Array(ys.count);
  const x = xs.local;
  const y = ys.local;
  const { dist } = c;
  for (let i = 0; i < c.size; i++) {
    const d = dist[i]!;
    if (d < minX[x[i]!]!) minX[x[i]!] = d;
    if (d < minY[y[i]!]!) minY[y[i]!] = d;
  }
  for (let i = 0; i < c.size; i++) {
    const d = dist[i]!;
    if (d === minX[x[i]!]) atMinX[x[i]!] = atMinX[x[i]!]! + 1;
    if (d === minY[y[i]!]) atMinY[y[i]!] = atMinY[y[i]!]! + 1;
  }
  const acceptedAt = new Int32Array(c.size);
  let acceptedCount = 0;
  const takenX = new Uint8Array(xs.count);
  const takenY = new Uint8Array(ys.count);
  for (let i = 0; i < c.size; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    const d = dist[i]!;
    if (d === minX[xi] && d === minY[yi] && atMinX[xi] === 1 && atMinY[yi] === 1) {
      acceptedAt[acceptedCount++] = i;
      takenX[xi] = 1;
      takenY[yi] = 1;
    }
  }
  const flaggedX = new Uint8Array(xs.count);
  const flaggedY = new Uint8Array(ys.count);
  const ambiguousX: number[] = [];
  const ambiguousY: number[] = [];
  for (let i = 0; i < c.size; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    const d = dist[i]!;
    const closestForX = d === minX[xi];
    const closestForY = d === minY[yi];
    if (!takenX[xi] && !flaggedX[xi] && closestForX && (atMinX[xi]! > 1 || (closestForY && atMinY[yi]! > 1))) {
      flaggedX[xi] = 1;
      ambiguousX.push(c.x[i]!);
    }
    if (!takenY[yi] && !flaggedY[yi] && closestForY && (atMinY[yi]! > 1 || (closestForX && atMinX[xi]! > 1))) {
      flaggedY[yi] = 1;
      ambiguousY.push(c.y[i]!);
    }
  }
  return { accepted: acceptedAt.subarray(0, acceptedCount), ambiguousX, ambiguousY };
}

/** Dense local numbers for the ids in `ids[0, size)`, in order of first appearance. */
function compact(ids: Int32Array, size: number, domain: number): { local: Int32Array; count: number } {
  // Zero means "not seen yet"; a fresh array's untouched pages cost nothing.
  const numberOf = new Int32Array(domain);
  const local = new Int32Array(size);
  let count = 0;
  for (let i = 0; i < size; i++) {
    const id = ids[i]!;
    let n = numberOf[id]!;
    if (n === 0) numberOf[id] = n = ++count;
    local[i] = n - 1;
  }
  return { local, count };
}
