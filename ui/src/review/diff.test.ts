import { describe, expect, it } from 'vitest';
import { changedShare, difference } from './diff';

describe('difference view', () => {
  it('lights up what changed, amplified, and leaves the rest black', () => {
    const a = new Uint8ClampedArray([10, 20, 30, 255, 100, 100, 100, 255]);
    const b = new Uint8ClampedArray([10, 20, 30, 255, 90, 140, 100, 128]);
    expect([...difference(a, b, 4)], 'same pixel black, changed one |a-b|*4, opaque').toEqual([0, 0, 0, 255, 40, 160, 0, 255]);
    expect([...difference(a, b, 10)].slice(4, 7), 'clamped at 255').toEqual([100, 255, 0]);
    expect(changedShare(a, b), 'one pixel of two changed').toBe(0.5);
    expect(changedShare(new Uint8ClampedArray(), new Uint8ClampedArray()), 'nothing to compare').toBe(0);
  });
});
