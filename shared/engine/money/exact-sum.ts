/** Past this a double can no longer hold every integer exactly. */
const LIMIT = 2 ** 52;

/**
 * An exact running total of integer minor units. Adding a million BigInts is
 * slow, so integers are summed as doubles while that is exact (|total| and
 * |addend| below 2^52 keep every partial sum below 2^53) and moved into a
 * BigInt before they could grow past that.
 */
export class ExactSum {
  private small = 0;
  private big = 0n;
  count = 0;

  /** `value` must be an integer with |value| < 2^52 (callers check on input). */
  add(value: number): void {
    if (this.small >= LIMIT || this.small <= -LIMIT) {
      this.big += BigInt(this.small);
      this.small = 0;
    }
    this.small += value;
    this.count++;
  }

  addSum(other: ExactSum): void {
    this.big += other.value();
    this.count += other.count;
  }

  value(): bigint {
    return this.big + BigInt(this.small);
  }
}

export function isExactMinor(value: number): boolean {
  return Number.isInteger(value) && value < LIMIT && value > -LIMIT;
}
