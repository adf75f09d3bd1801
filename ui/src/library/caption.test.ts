import { describe, expect, it } from 'vitest';
import { captionChars, middleEllipsis } from './caption';

describe('middleEllipsis', () => {
  it('leaves text that fits alone', () => {
    expect(middleEllipsis('beach.jpg', 20)).toBe('beach.jpg');
    expect(middleEllipsis('12345678', 8)).toBe('12345678');
  });

  it('cuts in the middle and keeps the end, so files named alike stay apart', () => {
    const a = middleEllipsis('IMG_2024_summer_camera_0041.jpg', 29);
    const b = middleEllipsis('IMG_2024_summer_camera_0042.jpg', 29);
    expect(a).toBe('IMG_2024_summer_cam…_0041.jpg');
    expect(b).toBe('IMG_2024_summer_cam…_0042.jpg');
    expect(Array.from(a)).toHaveLength(29);
    expect(middleEllipsis('IMG_2024_summer_camera_0042.jpg', 20)).toBe('IMG_2024_s…_0042.jpg');
  });

  it('keeps about a third for the end when there is no extension, and never exceeds the room', () => {
    const s = middleEllipsis('a-very-long-campaign-name-without-any-extension', 21);
    expect(s).toBe('a-very-long-ca…ension');
    for (let max = 2; max < 40; max++) {
      expect(Array.from(middleEllipsis('Quarterly report for the brand team FINAL v12.pdf', max)).length).toBeLessThanOrEqual(
        Math.max(3, max),
      );
    }
  });

  it('never cuts a character in two', () => {
    const s = middleEllipsis('🌅🌅🌅🌅🌅🌅🌅🌅🌅🌅🌅🌅 sunset.png', 12);
    expect(s).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(s.endsWith('unset.png')).toBe(true);
    expect(Array.from(s)).toHaveLength(12);
  });
});

describe('captionChars', () => {
  it('grows with the tile and never gets silly small', () => {
    expect(captionChars(176)).toBe(23);
    expect(captionChars(360)).toBeGreaterThan(captionChars(176));
    expect(captionChars(20)).toBe(6);
  });
});
