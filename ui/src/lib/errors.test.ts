import { describe, expect, it } from 'vitest';
import { describeError } from './errors';

describe('describeError', () => {
  it('names the refused input and gives its own hint', () => {
    const d = describeError({ code: 'invalid_input', message: 'invalid rating 9', field: 'rating' });
    expect(d.field).toBe('rating');
    expect(d.hint, 'a rating error should not talk about tags').toMatch(/^Ratings go from 0 to 5/);
    expect(describeError({ code: 'invalid_input', message: 'bad tag', field: 'tag' }).hint).toMatch(/^Tags must be/);
  });

  it('falls back to the code hint without a field, and copes with plain errors', () => {
    const d = describeError({ code: 'storage_full', message: 'No space left on device' });
    expect([d.field, d.hint]).toEqual([null, 'The disk holding the library is full. Free some space, then try again.']);
    expect(describeError({ code: 'invalid_input', message: 'x', field: 'something-new' }).hint).toMatch(/^Check the value/);
    expect(describeError(new Error('boom'))).toMatchObject({ code: null, field: null, message: 'boom' });
  });
});
