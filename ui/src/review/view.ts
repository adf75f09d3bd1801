// The review preview's geometry, without the DOM: the picture is fitted into the frame (zoom 1 = fit), zoomed up to
// 1:1 (one pixel of the original per screen pixel) about a point, panned by dragging; pins live in 0..1 of the
// picture from its top-left, so a pin maps to the same spot at any zoom, pan or version of the same shape.

export interface Size {
  w: number;
  h: number;
}
/** The zoom (1 = fitted) and where the picture's top-left sits in the frame, in screen pixels. */
export interface View {
  z: number;
  tx: number;
  ty: number;
}
export interface Point {
  x: number;
  y: number;
}
/** A pin as the core stores it (0..1 from the top-left); `w`/`h` null for a point. */
export interface PinBox {
  x: number;
  y: number;
  w: number | null;
  h: number | null;
}

/** The picture's size at zoom 1: as large as fits the frame, keeping its shape. */
export function fitted(frame: Size, picture: Size): Size {
  if (frame.w <= 0 || frame.h <= 0 || picture.w <= 0 || picture.h <= 0) return { w: Math.max(frame.w, 1), h: Math.max(frame.h, 1) };
  const s = Math.min(frame.w / picture.w, frame.h / picture.h);
  return { w: picture.w * s, h: picture.h * s };
}

/** The zoom at which one pixel of the original is one screen pixel (at least the fit). */
export function actualZoom(base: Size, picture: Size): number {
  return Math.max(1, picture.w / base.w);
}

/** The fitted, centred view. */
export function fitView(frame: Size, base: Size): View {
  return { z: 1, tx: (frame.w - base.w) / 2, ty: (frame.h - base.h) / 2 };
}

/** Zooms by `factor` about `at` (frame pixels): the picture point under it stays under it. Limited to fit..max. */
export function zoomAt(view: View, factor: number, at: Point, max: number, frame: Size, base: Size): View {
  const z = Math.min(Math.max(view.z * factor, 1), Math.max(max, 1));
  if (z === 1) return fitView(frame, base);
  const k = z / view.z;
  return { z, tx: at.x - (at.x - view.tx) * k, ty: at.y - (at.y - view.ty) * k };
}

/** Zooms to `z` about the frame's centre (the + / - / 0 keys). */
export function zoomTo(view: View, z: number, max: number, frame: Size, base: Size): View {
  return zoomAt(view, z / view.z, { x: frame.w / 2, y: frame.h / 2 }, max, frame, base);
}

/** Moves the picture by a drag of (dx, dy) screen pixels. */
export function pan(view: View, dx: number, dy: number): View {
  return view.z === 1 ? view : { ...view, tx: view.tx + dx, ty: view.ty + dy };
}

const clamp01 = (v: number) => Math.min(Math.max(v, 0), 1);

/** A frame point as 0..1 of the picture from its top-left, or null when it is off the picture. */
export function toPicture(p: Point, view: View, base: Size): Point | null {
  const x = (p.x - view.tx) / (base.w * view.z);
  const y = (p.y - view.ty) / (base.h * view.z);
  return x < 0 || x > 1 || y < 0 || y > 1 ? null : { x, y };
}

/** Where a pin sits in the frame (screen pixels): its top-left, and its size (0 for a point). */
export function toFrame(pin: PinBox, view: View, base: Size): { x: number; y: number; w: number; h: number } {
  const W = base.w * view.z;
  const H = base.h * view.z;
  return { x: view.tx + pin.x * W, y: view.ty + pin.y * H, w: (pin.w ?? 0) * W, h: (pin.h ?? 0) * H };
}

/** The rectangle between two frame points (a Shift+drag), clamped to the picture, in 0..1; null when it is empty. */
export function rectBetween(a: Point, b: Point, view: View, base: Size): PinBox | null {
  const W = base.w * view.z;
  const H = base.h * view.z;
  const x0 = clamp01((Math.min(a.x, b.x) - view.tx) / W);
  const x1 = clamp01((Math.max(a.x, b.x) - view.tx) / W);
  const y0 = clamp01((Math.min(a.y, b.y) - view.ty) / H);
  const y1 = clamp01((Math.max(a.y, b.y) - view.ty) / H);
  return x1 - x0 < 0.002 || y1 - y0 < 0.002 ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** The 1024 px preview is enough until the picture is shown larger than it; past that, the full resolution. */
export function needsFull(view: View, base: Size, previewLong = 1024): boolean {
  return Math.max(base.w, base.h) * view.z > previewLong;
}
