// Number, size and date formatting for people.

const integer = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return integer.format(n);
}

/** "1,234 assets", "1 asset", "10,000+ assets". */
export function assetCount(n: number, exact = true): string {
  return `${formatCount(n)}${exact ? '' : '+'} ${n === 1 && exact ? 'asset' : 'assets'}`;
}

/**
 * Bytes in IEC units (1 KiB = 1024 B): "980 B", "1.5 KiB", "12.3 MiB", "250 GiB". The `tessera` CLI prints sizes the
 * same way (`human_bytes`), so the app and the CLI agree.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/** Unix seconds as a local date and time. */
export function formatUnix(seconds: number): string {
  return new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "YYYY-MM-DDTHH:MM:SS" (camera time, no zone) as written, made readable. */
export function formatTaken(taken: string): string {
  return taken.replace('T', ' ');
}

export function formatPixels(width: number | null, height: number | null): string | null {
  if (!width || !height) return null;
  const mp = (width * height) / 1e6;
  return `${width} × ${height}${mp >= 0.1 ? ` (${mp.toFixed(1)} MP)` : ''}`;
}

/** A date `days` ago as YYYY-MM-DD (local), for `added>` filters. */
export function daysAgo(days: number, now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function formatGps(lat: number, lon: number): string {
  const f = (v: number, pos: string, neg: string) => `${Math.abs(v).toFixed(5)}° ${v >= 0 ? pos : neg}`;
  return `${f(lat, 'N', 'S')}, ${f(lon, 'E', 'W')}`;
}
