import { describe, expect, it } from 'vitest';
import { halfTyped } from './halfTyped';

describe('halfTyped', () => {
  it.each([
    ['agency:', true],
    ['sneaker agency:', true],
    ['-tag:', true],
    ['rating>=', true],
    ['rating>', true],
    ['width<', true],
    ['added:>', true],
    ['tag:"Brand', true],
    ['"red sneaker', true],
    ['', false],
    ['agency:acme', false],
    ['rating>=4', false],
    ['tag:"Brand/Product"', false],
    ['red sneaker', false],
    ['agency: ', false],
    ['12:30', false],
  ])('%j → %s', (query, expected) => {
    expect(halfTyped(query)).toBe(expected);
  });
});
