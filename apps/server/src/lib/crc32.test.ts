import { randomBytes } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('equals zlib.crc32 on bytes of every length up to 300 and on a large buffer', () => {
    for (let length = 0; length <= 300; length++) {
      const bytes = randomBytes(length);
      expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    }
    const large = randomBytes(1 << 20);
    expect(crc32(large)).toBe(zlibCrc32(large));
  });

  it('reads only the view it is given, not the whole underlying buffer', () => {
    const whole = randomBytes(64);
    expect(crc32(whole.subarray(10, 20))).toBe(zlibCrc32(whole.subarray(10, 20)));
  });
});
