// Names that look like another version of a file, and the ingest's offers built from them, as the core does
// (domain/version_name.rs, app/ingest/version_offers.rs; shared cases in tests/cases/version_names.json).

import type { Rec } from './fake-data';
import type { Ingested, VersionOffer } from './types';

const MARKS = ['final', 'revised', 'rev', 'copy', 'edit', 'edited', 'new', 'latest', 'updated', 'v'];
const SEPARATORS = /[ _\-.]+$/;

function stripMark(base: string): string | null {
  const trimmed = base.replace(SEPARATORS, '');
  const copy = /^(.*?)\((\d+)\)$/.exec(trimmed);
  if (copy) return copy[1]!.replace(SEPARATORS, '');
  const cut = Math.max(...[' ', '_', '-', '.'].map((s) => trimmed.lastIndexOf(s)));
  if (cut < 0) return null;
  const [head, word] = [trimmed.slice(0, cut), trimmed.slice(cut + 1)];
  if (!head.trim()) return null;
  const digitsAfter = (prefix: string) => word.startsWith(prefix) && /^\d+$/.test(word.slice(prefix.length));
  const mark = MARKS.includes(word) || digitsAfter('v') || digitsAfter('version') || digitsAfter('rev') || (digitsAfter('r') && word.length <= 3);
  return mark ? head.replace(SEPARATORS, '') : null;
}

/** The base a file name's version marks leave (lower case, without its extension), or null when it has none. */
export function versionBase(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 && !fileName.slice(dot + 1).includes(' ') ? fileName.slice(0, dot) : fileName;
  let base = stem.trim().toLowerCase();
  let marked = false;
  for (let shorter = stripMark(base); shorter !== null; shorter = stripMark(base)) {
    base = shorter;
    marked = true;
  }
  return marked && base ? base : null;
}

const stemOf = (name: string) => (name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name).trim().toLowerCase();

/** The offers for the files just ingested: the asset named like the base exactly, else the newest version-named one. */
export function versionOffers(records: readonly Rec[], ingested: readonly Ingested[]): VersionOffer[] {
  const fresh = new Set(ingested.map((i) => i.id));
  const offers: VersionOffer[] = [];
  for (const item of ingested) {
    const base = versionBase(item.path.split(/[\\/]/).pop() ?? item.path);
    if (base === null) continue;
    const candidates = records.filter((r) => r.id !== item.id && r.name.toLowerCase().startsWith(base));
    const original = candidates.find((r) => stemOf(r.name) === base);
    const newest = candidates
      .filter((r) => !fresh.has(r.id) && versionBase(r.name) === base)
      .sort((a, b) => b.id - a.id)[0];
    const of = original ?? newest;
    if (of) offers.push({ path: item.path, id: item.id, of: of.id, of_name: of.name });
  }
  return offers;
}
