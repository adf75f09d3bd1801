import { describe, expect, it } from 'vitest';
import shared from '../../../../tests/cases/version_names.json';
import { versionBase } from './fake-version-names';

describe('version names in the fake', () => {
  it('takes off the marks the core takes off (the shared cases)', () => {
    for (const [name, base] of shared.cases as [string, string | null][]) expect(versionBase(name), name).toBe(base);
  });
});
