// The grid's tile size, remembered between runs (localStorage; a webview without it simply does not remember).

const KEY = 'tessera.tileSize';

export function loadTileSize(): number {
  try {
    const v = Number(localStorage.getItem(KEY));
    return v >= 96 && v <= 360 ? v : 176;
  } catch {
    return 176;
  }
}

export function saveTileSize(size: number): void {
  try {
    localStorage.setItem(KEY, String(size));
  } catch {
    // Not remembered; fine.
  }
}
