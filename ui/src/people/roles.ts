// Roles as people read them, in the order the permission table lists them.

import type { Role } from '../lib/api/types';

export const ROLES: readonly Role[] = ['admin', 'brand_manager', 'reviewer', 'contributor', 'publisher', 'viewer'];

/** "brand_manager" → "brand manager". */
export function roleLabel(role: Role): string {
  return role.replace(/_/g, ' ');
}
