// Tag helpers for the inspector: autocomplete and the tags of several assets at once.

import type { AssetDetail, TagCount } from '../lib/api/types';

/** Library tags starting with (then containing) `text`, most used first, without those in `exclude`. */
export function suggestTags(all: readonly TagCount[], text: string, exclude: ReadonlySet<string>, limit = 8): TagCount[] {
  const q = text.trim().toLowerCase();
  const candidates = all.filter((t) => !exclude.has(t.name));
  if (!q) return candidates.slice(0, limit);
  const starts = candidates.filter((t) => t.name.toLowerCase().startsWith(q));
  const contains = candidates.filter((t) => !t.name.toLowerCase().startsWith(q) && t.name.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit);
}

/** Every tag of the given assets with how many of them carry it, most common first, then by name. */
export function tagUnion(details: readonly AssetDetail[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of details) for (const t of d.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** The value all assets share, or undefined when they differ. */
export function common<T>(details: readonly AssetDetail[], get: (d: AssetDetail) => T): T | undefined {
  if (details.length === 0) return undefined;
  const first = get(details[0]!);
  return details.every((d) => get(d) === first) ? first : undefined;
}
