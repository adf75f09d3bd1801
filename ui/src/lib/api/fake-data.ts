// The fake library's records: generated assets, their summaries and details, and drawn thumbnails.

import type { ApiError, AssetDetail, AssetId, AssetKind, AssetSummary, FieldValue, Status, XmpConflict } from './types';
import { shownStatus } from '../status';
import type { ThumbnailSize } from './api';

export interface Rec {
  id: AssetId;
  name: string;
  kind: AssetKind;
  ext: string;
  width: number | null;
  height: number | null;
  size: number;
  rating: number | null;
  title: string | null;
  description: string | null;
  tags: string[];
  uploader: string;
  added: number;
  taken: string | null;
  hash: string;
  camera: { make: string; model: string; lens: string } | null;
  /** When it went to the trash (unix seconds); absent or null when not trashed (fake-trash.ts). */
  trashed_at?: number | null;
  /** Set by a watched folder's rule. */
  creator?: string | null;
  rights?: string | null;
  credit?: string | null;
  campaign?: string | null;
  /** Built-in fields (fake-fields.ts); `rights` above is the copyright. */
  alt_text?: string | null;
  caption?: string | null;
  licence?: string | null;
  usage_terms?: string | null;
  expires?: string | null;
  label?: string | null;
  flag?: string | null;
  /** XMP properties (issue 8): headline, contact, web statement, marked, licensor; the label text as written. */
  label_text?: string | null;
  headline?: string | null;
  instructions?: string | null;
  contact_email?: string | null;
  contact_url?: string | null;
  contact_phone?: string | null;
  web_statement?: string | null;
  rights_marked?: boolean | null;
  licensor?: string | null;
  /** Where the embedded XMP and the sidecar disagreed at ingest. */
  xmp_conflicts?: XmpConflict[];
  /** Custom fields' values, by name. */
  fields?: Record<string, FieldValue>;
  /** Paths of the manual collections the asset is in. */
  collections?: string[];
  /** The stored lifecycle state (draft when unset) and, when archived, the state before (fake-lifecycle.ts). */
  status?: Status;
  archived_from?: Status | null;
  /** Files after the first, oldest first (fake-lifecycle.ts's versions); the asset's own columns are the current one. */
  versions?: FakeFile[];
  /** Which version is current (1 = the file it arrived with). */
  current?: number;
}

/** One version's file as the fake keeps it. */
export interface FakeFile {
  name: string;
  hash: string;
  ext: string;
  size: number;
  width: number | null;
  height: number | null;
  added: number;
  uploader: string;
}

export const WORDS = ['beach', 'sunset', 'city', 'forest', 'portrait', 'product', 'studio', 'mountain', 'harbour', 'street',
  'coffee', 'office', 'team', 'logo', 'campaign', 'autumn', 'winter', 'desert', 'river', 'garden'];
export const TAGS = ['summer', 'campaign', 'product', 'people', 'nature', 'architecture', 'brand', 'draft', 'approved',
  'social', 'print', 'web', 'hero', 'archive'];
export const TAG_PATHS = ['Places/Lisbon', 'Places/Lisbon/Alfama', 'Places/Porto', 'Brand/Logo', 'Brand/Product/Sneaker'];
export const UPLOADERS = ['ana', 'ben', 'chloe', 'dev'];
export const CAMERAS = [
  { make: 'Canon', model: 'EOS R5', lens: 'RF24-70mm F2.8 L IS USM' },
  { make: 'SONY', model: 'ILCE-7M4', lens: 'FE 35mm F1.8' },
  { make: 'FUJIFILM', model: 'X-T5', lens: 'XF16-55mmF2.8 R LM WR' },
  { make: 'Apple', model: 'iPhone 15 Pro', lens: 'iPhone 15 Pro back triple camera 6.765mm f/1.78' },
];
export const OTHER_KINDS: [AssetKind, string][] = [['video', 'mp4'], ['audio', 'wav'], ['document', 'pdf'], ['font', 'otf'],
  ['other', 'zip'], ['document', 'docx']];
export const NOW = Math.floor(Date.UTC(2025, 5, 1) / 1000);

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

export function hashOf(id: number, salt = 0): string {
  const r = rng(id * 7919 + salt);
  let s = '';
  for (let i = 0; i < 16; i++) s += Math.floor(r() * 256).toString(16).padStart(2, '0');
  return s;
}

export function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function generate(id: number, total: number): Rec {
  const r = rng(Math.imul(id, 2654435761) ^ 0x5bd1e995);
  const image = r() < 0.82;
  const [kind, ext] = image ? (['image', pick(r, ['jpg', 'jpg', 'png', 'webp', 'heic'])] as [AssetKind, string]) : pick(r, OTHER_KINDS);
  const base = `${pick(r, WORDS)}-${pick(r, WORDS)}-${pad(id, 4)}`;
  const orient = r();
  const long = 1600 + Math.floor(r() * 4400);
  const short = Math.floor(long * (0.56 + r() * 0.2));
  const [width, height] = orient < 0.6 ? [long, short] : orient < 0.9 ? [short, long] : [long, long];
  const tagCount = r() < 0.2 ? 0 : 1 + Math.floor(r() * 3);
  const tags = [...new Set(Array.from({ length: tagCount }, () => pick(r, TAGS)))].sort();
  // Some paths too, so the sidebar shows a tree (by id: the random stream, and so the other values, stay as they were).
  if (tagCount > 0 && id % 7 === 3) tags.push(TAG_PATHS[id % TAG_PATHS.length]!);
  const added = NOW - (total - id) * 3_600;
  const takenAt = new Date((added - Math.floor(r() * 400 * 86_400)) * 1000);
  const taken = image
    ? `${takenAt.getUTCFullYear()}-${pad(takenAt.getUTCMonth() + 1)}-${pad(takenAt.getUTCDate())}T${pad(takenAt.getUTCHours())}:${pad(takenAt.getUTCMinutes())}:${pad(takenAt.getUTCSeconds())}`
    : null;
  return {
    id,
    name: `${base}.${ext}`,
    kind,
    ext,
    width: image ? width : null,
    height: image ? height : null,
    size: Math.floor((image ? 400_000 : 50_000) + r() * 9_000_000),
    rating: r() < 0.45 ? null : 1 + Math.floor(r() * 5),
    title: r() < 0.15 ? `${base.split('-').slice(0, 2).join(' ')}` : null,
    description: null,
    tags,
    uploader: pick(r, UPLOADERS),
    added,
    taken,
    hash: hashOf(id),
    camera: image && r() < 0.7 ? pick(r, CAMERAS) : null,
  };
}

export function summary(a: Rec): AssetSummary {
  return {
    id: a.id, name: a.name, type: a.kind, ext: a.ext, width: a.width, height: a.height, size: a.size,
    rating: a.rating, title: a.title, added: a.added, taken: a.taken, hash: a.hash,
    status: shownStatus(a.status ?? 'draft', a.expires, new Date().toISOString().slice(0, 10)), expires: a.expires ?? null,
  };
}

export function detail(a: Rec): AssetDetail {
  const r = rng(a.id + 1_000_003);
  const exif: AssetDetail['exif'] = {};
  if (a.camera) {
    Object.assign(exif, {
      taken: a.taken ?? undefined,
      make: a.camera.make,
      model: a.camera.model,
      lens: a.camera.lens,
      exposure_time: pick(r, ['1/60', '1/125', '1/250', '1/1000', '0.5']),
      f_number: pick(r, [1.8, 2.8, 4, 5.6, 8]),
      iso: pick(r, [100, 200, 400, 800, 3200]),
      focal_length_mm: pick(r, [24, 35, 50, 70, 85]),
    });
    if (r() < 0.5) Object.assign(exif, { gps_latitude: 38.7 + r(), gps_longitude: -9.1 - r() });
  }
  const mime: Record<string, string> = {
    jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', heic: 'image/heic', mp4: 'video/mp4', wav: 'audio/wav',
    pdf: 'application/pdf', otf: 'font/otf', zip: 'application/zip',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
  const creator = a.creator ?? (a.camera ? 'Studio Tessera' : null);
  return {
    id: a.id, name: a.name, type: a.kind, ext: a.ext, width: a.width, height: a.height, size: a.size,
    title: a.title, description: a.description, rating: a.rating, creator,
    credit: a.credit ?? null, copyright: a.rights ?? null, campaign: a.campaign ?? null,
    alt_text: a.alt_text ?? null, caption: a.caption ?? null, label: a.label ?? null, flag: a.flag ?? null,
    label_text: a.label_text ?? null, headline: a.headline ?? null, instructions: a.instructions ?? null,
    contact_email: a.contact_email ?? null, contact_url: a.contact_url ?? null, contact_phone: a.contact_phone ?? null,
    web_statement: a.web_statement ?? null, rights_marked: a.rights_marked ?? null, licensor: a.licensor ?? null,
    xmp_conflicts: structuredClone(a.xmp_conflicts ?? []),
    rights: {
      creator, credit: a.credit ?? null, copyright: a.rights ?? null, licence: a.licence ?? null,
      usage_terms: a.usage_terms ?? null, expires: a.expires ?? null,
    },
    fields: structuredClone(a.fields ?? {}),
    tags: [...a.tags], collections: [], uploader: a.uploader, added: a.added, taken: a.taken, exif,
    file: {
      id: a.id, hash: a.hash, mime: mime[a.ext] ?? 'application/octet-stream', ext: a.ext, size: a.size,
      original_name: a.name, source_path: `/home/${a.uploader}/Pictures/${a.name}`,
      stored_path: `originals/${a.hash.slice(0, 2)}/${a.hash}.${a.ext}`, uploader: a.uploader, added: a.added,
      thumbnail_note: a.kind === 'image' ? null : `no thumbnail for ${a.kind} files yet`,
    },
  };
}

export function apiError(code: ApiError['code'], message: string, field?: string): ApiError {
  return field === undefined ? { code, message } : { code, message, field };
}

export const ICONS: Partial<Record<AssetKind, string>> = { video: '▶', audio: '♪', document: '¶', font: 'Aa', other: '…' };

/** An SVG picture for an asset: a generated landscape for images, a labelled card for everything else. */
export function fakeThumbnail(a: Pick<Rec, 'id' | 'kind' | 'ext' | 'width' | 'height'>, size: ThumbnailSize): string {
  const long = size === 'grid' ? 256 : size === 'full' ? Math.max(a.width ?? 1024, a.height ?? 1024) : 1024;
  let w = long;
  let h = long;
  if (a.width && a.height) {
    if (a.width >= a.height) h = Math.round((long * a.height) / a.width);
    else w = Math.round((long * a.width) / a.height);
  }
  const hue = (a.id * 47) % 360;
  let body: string;
  if (a.kind === 'image') {
    const r = rng(a.id + 17);
    const sunX = Math.round(w * (0.2 + r() * 0.6));
    const sunY = Math.round(h * (0.18 + r() * 0.25));
    const m1 = Array.from({ length: 5 }, (_, i) => `${Math.round((w * i) / 4)},${Math.round(h * (0.45 + r() * 0.25))}`).join(' ');
    const m2 = Array.from({ length: 4 }, (_, i) => `${Math.round((w * i) / 3)},${Math.round(h * (0.62 + r() * 0.2))}`).join(' ');
    body =
      `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,62%)"/>` +
      `<stop offset="1" stop-color="hsl(${(hue + 40) % 360},60%,82%)"/></linearGradient></defs>` +
      `<rect width="${w}" height="${h}" fill="url(#g)"/>` +
      `<circle cx="${sunX}" cy="${sunY}" r="${Math.round(Math.min(w, h) * 0.09)}" fill="hsl(${(hue + 180) % 360},80%,90%)"/>` +
      `<polygon points="0,${h} ${m1} ${w},${h}" fill="hsl(${(hue + 200) % 360},30%,38%)"/>` +
      `<polygon points="0,${h} ${m2} ${w},${h}" fill="hsl(${(hue + 210) % 360},35%,24%)"/>`;
  } else {
    body =
      `<rect width="${w}" height="${h}" fill="hsl(${hue},12%,26%)"/>` +
      `<text x="50%" y="46%" text-anchor="middle" font-family="system-ui,sans-serif" font-size="${Math.round(w * 0.22)}" fill="hsl(${hue},30%,78%)">${ICONS[a.kind] ?? '?'}</text>` +
      `<text x="50%" y="72%" text-anchor="middle" font-family="system-ui,sans-serif" font-size="${Math.round(w * 0.1)}" font-weight="600" fill="hsl(${hue},20%,70%)">${a.ext.toUpperCase()}</text>`;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
