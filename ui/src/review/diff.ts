// The difference view's pixels: |a - b| per channel, amplified so small changes show, on an opaque black where
// nothing changed (RGBA, as a canvas's ImageData holds them).

export function difference(a: Uint8ClampedArray, b: Uint8ClampedArray, amplify = 4): Uint8ClampedArray {
  const out = new Uint8ClampedArray(Math.min(a.length, b.length));
  for (let i = 0; i + 3 < out.length; i += 4) {
    out[i] = Math.abs(a[i]! - b[i]!) * amplify;
    out[i + 1] = Math.abs(a[i + 1]! - b[i + 1]!) * amplify;
    out[i + 2] = Math.abs(a[i + 2]! - b[i + 2]!) * amplify;
    out[i + 3] = 255;
  }
  return out;
}

/** How much of the picture changed: the share of pixels whose largest channel difference is over `threshold`. */
export function changedShare(a: Uint8ClampedArray, b: Uint8ClampedArray, threshold = 8): number {
  let changed = 0;
  let total = 0;
  for (let i = 0; i + 3 < Math.min(a.length, b.length); i += 4) {
    total++;
    const d = Math.max(Math.abs(a[i]! - b[i]!), Math.abs(a[i + 1]! - b[i + 1]!), Math.abs(a[i + 2]! - b[i + 2]!));
    if (d > threshold) changed++;
  }
  return total === 0 ? 0 : changed / total;
}
