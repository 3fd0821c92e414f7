import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '../../../shared/engine/hash/sha256';

describe('Sha256', () => {
  it('matches node:crypto for every length around block edges, fed in uneven pieces', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 70_001]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
      const hash = new Sha256();
      for (let at = 0; at < length; at += 37) hash.update(bytes.subarray(at, Math.min(length, at + 37)));
      expect(hash.hex()).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
