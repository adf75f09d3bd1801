// Places in the window that take dropped files for themselves instead of importing them (the inspector's versions:
// a file dropped there becomes the asset's next version). An element marks itself with `data-drop-zone` (what the
// overlay says, e.g. "Drop to add as a new version") and listens for `filesdrop` (a CustomEvent with the paths).

export const FILES_DROP = 'filesdrop';

export interface Point {
  x: number;
  y: number;
}

/** The drop zone at `point` (CSS pixels in the window), if any. */
export function zoneAt(point: Point | undefined, doc: Document = document): HTMLElement | null {
  if (!point) return null;
  const hit = doc.elementFromPoint(point.x, point.y);
  return hit instanceof Element ? (hit.closest('[data-drop-zone]') as HTMLElement | null) : null;
}

/** Hands `paths` to the zone at `point`; false when there is none there (the drop is an import). */
export function dropOnZone(paths: string[], point: Point | undefined, doc: Document = document): boolean {
  const zone = zoneAt(point, doc);
  if (!zone) return false;
  zone.dispatchEvent(new CustomEvent<string[]>(FILES_DROP, { detail: paths }));
  return true;
}
