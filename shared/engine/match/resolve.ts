/**
 * Turns candidate pairs into decisions, the same way for every pass.
 *
 * x is a left row (or group), y a right row (or group); dist says how far
 * apart they are (0 = identical). Closest first: candidates are taken in
 * order of distance, and a pair is accepted when, among the rows still open,
 * each is the other's only candidate at that distance. Where candidates tie
 * at a row's closest distance, every row in the tie is flagged ambiguous on
 * both sides instead of one being picked at random. A row taken or flagged
 * at a shorter distance no longer counts, so two rows whose closer rival was
 * matched first still match each other. Rows that are neither stay open for
 * later passes.
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
  const x = xs.local;
  const y = ys.local;
  const { dist } = c;
  const order = new Int32Array(c.size);
  for (let i = 0; i < c.size; i++) order[i] = i;
  order.sort((a, b) => dist[a]! - dist[b]! || a - b);
  // Per local row: 0 open, TAKEN, FLAGGED; and its open candidates at the current distance.
  const stateX = new Uint8Array(xs.count);
  const stateY = new Uint8Array(ys.count);
  const countX = new Int32Array(xs.count);
  const countY = new Int32Array(ys.count);
  const accepted: number[] = [];
  const ambiguousX: number[] = [];
  const ambiguousY: number[] = [];
  const isOpen = (i: number) => stateX[x[i]!] === 0 && stateY[y[i]!] === 0;
  for (let from = 0; from < c.size; ) {
    // The candidates at one distance: decided together, so none is favoured by its place.
    let to = from + 1;
    while (to < c.size && dist[order[to]!] === dist[order[from]!]) to++;
    for (let k = from; k < to; k++) {
      const i = order[k]!;
      if (!isOpen(i)) continue;
      countX[x[i]!]!++;
      countY[y[i]!]!++;
    }
    // Decided from the counts first, then applied: a flag set mid-group would hide the rest of its tie.
    const taken: number[] = [];
    const tied: number[] = [];
    for (let k = from; k < to; k++) {
      const i = order[k]!;
      if (!isOpen(i)) continue;
      if (countX[x[i]!] === 1 && countY[y[i]!] === 1) taken.push(i);
      else tied.push(i);
    }
    for (const i of tied) {
      if (stateX[x[i]!] === 0) ambiguousX.push(c.x[i]!);
      if (stateY[y[i]!] === 0) ambiguousY.push(c.y[i]!);
      stateX[x[i]!] = FLAGGED;
      stateY[y[i]!] = FLAGGED;
    }
    for (const i of taken) {
      accepted.push(i);
      stateX[x[i]!] = TAKEN;
      stateY[y[i]!] = TAKEN;
    }
    for (let k = from; k < to; k++) {
      countX[x[order[k]!]!] = 0;
      countY[y[order[k]!]!] = 0;
    }
    from = to;
  }
  // In candidate order, as the passes made them: match ids follow the rows, not the distances.
  return { accepted: Int32Array.from(accepted).sort(), ambiguousX, ambiguousY };
}

const TAKEN = 1;
const FLAGGED = 2;

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
