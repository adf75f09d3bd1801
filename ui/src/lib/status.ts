// The lifecycle states as people read them (domain/lifecycle.rs), for badges and filters.

import type { Status } from './api/types';

export const STATUS_LABELS: Record<Status, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  rejected: 'Rejected',
  published: 'Published',
  archived: 'Archived',
  expired: 'Expired',
};

/** Short enough for a tile's corner. */
export const STATUS_SHORT: Record<Status, string> = {
  draft: 'Draft',
  in_review: 'Review',
  approved: 'Approved',
  changes_requested: 'Changes',
  rejected: 'Rejected',
  published: 'Published',
  archived: 'Archived',
  expired: 'Expired',
};

/**
 * The state shown today, as the core shows it (`lifecycle::shown`): approved or published with rights expired before
 * `today` ("YYYY-MM-DD") shows as expired.
 */
export function shownStatus(stored: Status, expires: string | null | undefined, today: string): Status {
  if ((stored === 'approved' || stored === 'published') && expires && expires < today) return 'expired';
  return stored;
}
