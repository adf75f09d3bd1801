// The fake library's XMP sidecars, as the core writes them (app/xmp/write.rs): one per asset beside its stored
// original, named `<hash>.<ext>.xmp` (or `<hash>.xmp` with Adobe naming); an unknown id is `not_found` and nothing
// is written for any of them.

import { apiError, type Rec } from './fake-data';
import type { AssetId, SidecarWritten } from './types';

export function writeXmp(records: Rec[], ids: AssetId[], adobe = false): SidecarWritten[] {
  const found = ids.map((id) => {
    const a = records.find((r) => r.id === id);
    if (!a) throw apiError('not_found', `no asset with id ${id}`);
    return a;
  });
  return found.map((a) => ({
    id: a.id,
    path: `/library/originals/${a.hash.slice(0, 2)}/${a.hash}${adobe ? '' : `.${a.ext}`}.xmp`,
  }));
}
