import { describe, expect, it } from 'vitest';
import { actualZoom, fitted, fitView, needsFull, pan, rectBetween, toFrame, toPicture, zoomAt, zoomTo } from './view';

const frame = { w: 800, h: 600 };
const picture = { w: 4000, h: 2000 };
const base = fitted(frame, picture);

describe('review preview geometry', () => {
  it('fits the picture and knows the 1:1 zoom', () => {
    expect(base, 'a wide picture fills the width').toEqual({ w: 800, h: 400 });
    expect(fitView(frame, base), 'centred vertically').toEqual({ z: 1, tx: 0, ty: 100 });
    expect(actualZoom(base, picture), '4000 px shown at 800 px is 1:1 at zoom 5').toBe(5);
    expect(actualZoom({ w: 800, h: 400 }, { w: 400, h: 200 }), 'a small picture never zooms below the fit').toBe(1);
  });

  it('maps a click to the same 0..1 pin at several zooms and pans, and back', () => {
    let view = fitView(frame, base);
    for (const factor of [1, 2, 3.5, 5]) {
      view = zoomTo(view, factor, 5, frame, base);
      view = factor > 1 ? pan(view, -37, 21) : view;
      const pin = { x: 0.25, y: 0.75, w: null, h: null };
      const at = toFrame(pin, view, base);
      const back = toPicture(at, view, base)!;
      expect(back.x, `x round-trips at zoom ${factor}`).toBeCloseTo(0.25, 9);
      expect(back.y, `y round-trips at zoom ${factor}`).toBeCloseTo(0.75, 9);
    }
    const fit = fitView(frame, base);
    expect(toPicture({ x: 400, y: 300 }, fit, base), 'the centre of the frame is the centre of the picture').toEqual({ x: 0.5, y: 0.5 });
    const z2 = zoomAt(fit, 2, { x: 400, y: 300 }, 5, frame, base);
    expect(toPicture({ x: 400, y: 300 }, z2, base), 'zooming about a point keeps it under the pointer').toEqual({ x: 0.5, y: 0.5 });
    expect(toPicture({ x: 0, y: 300 }, z2, base), 'at zoom 2 the left edge of the frame is a quarter in').toEqual({ x: 0.25, y: 0.5 });
    expect(toPicture({ x: 400, y: 50 }, fit, base), 'the letterbox above the picture is not on it').toBeNull();
  });

  it('a rectangle pin scales with the zoom and stays on the same part of the picture', () => {
    const fit = fitView(frame, base);
    const rect = rectBetween({ x: 200, y: 200 }, { x: 400, y: 300 }, fit, base)!;
    expect(rect, 'from the drag corners, in 0..1').toEqual({ x: 0.25, y: 0.25, w: 0.25, h: 0.25 });
    const z3 = zoomTo(fit, 3, 5, frame, base);
    const shown = toFrame(rect, z3, base);
    expect(shown.w, 'three times as wide at zoom 3').toBeCloseTo(600);
    expect(shown.h).toBeCloseTo(300);
    expect(rectBetween({ x: 400, y: 300 }, { x: 900, y: 900 }, fit, base), 'dragged off the picture: clamped to it').toEqual({ x: 0.5, y: 0.5, w: 0.5, h: 0.5 });
    expect(rectBetween({ x: 10, y: 200 }, { x: 10.5, y: 300 }, fit, base), 'a drag without width is no rectangle').toBeNull();
  });

  it('limits the zoom to fit..1:1 and loads the full resolution only past the preview', () => {
    const fit = fitView(frame, base);
    expect(zoomTo(fit, 50, 5, frame, base).z, 'no further than 1:1').toBe(5);
    expect(zoomTo(fit, 0.1, 5, frame, base), 'no smaller than the fit, which is centred again').toEqual(fit);
    expect(pan(fit, 30, 30), 'the fitted picture does not pan').toEqual(fit);
    expect(needsFull(fit, base), '800 px wide: the preview is enough').toBe(false);
    expect(needsFull(zoomTo(fit, 1.2, 5, frame, base), base), '960 px: still the preview').toBe(false);
    expect(needsFull(zoomTo(fit, 1.5, 5, frame, base), base), '1200 px: past the 1024 px preview').toBe(true);
  });
});
