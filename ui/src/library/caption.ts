// Tile captions cut in the middle, so a run of files named alike ("IMG_2024_summer_camera_0041.jpg", "…_0042.jpg")
// still shows what tells them apart: the end and the extension. Counted in characters from the tile's width, with
// no layout measurement (the grid renders hundreds of tiles while scrolling).

/** A width per character that fits 12 px system-ui text of capitals and digits, so the text rarely overflows. */
const CHAR_PX = 7;
/** The caption's horizontal padding inside a tile (the tile's 4 px + the caption's 2 px, each side). */
const CAPTION_PADDING = 12;

/** How many characters fit on the caption line of a tile `tileWidth` px wide. */
export function captionChars(tileWidth: number): number {
  return Math.max(6, Math.floor((tileWidth - CAPTION_PADDING) / CHAR_PX));
}

/**
 * `text` in at most `max` characters: unchanged when it fits, else its start and its end around a "…". The end keeps
 * the extension and the few characters before it (where counters and versions are), about a third of the room.
 */
export function middleEllipsis(text: string, max: number): string {
  const chars = Array.from(text); // code points: never cut a surrogate pair
  if (chars.length <= max) return text;
  const room = Math.max(2, max - 1);
  const dot = text.lastIndexOf('.');
  const ext = dot > 0 ? chars.length - Array.from(text.slice(0, dot)).length : 0;
  const tail = Math.min(room - 1, Math.max(Math.floor(room / 3), ext + 5));
  return `${chars.slice(0, room - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
}
