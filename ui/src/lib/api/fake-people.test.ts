import { describe, expect, it } from 'vitest';
import table from '../../../../tests/cases/permissions.json';
import { createFakeApi } from './fake';
import { allows } from './fake-people';
import type { Action, Role } from './types';

describe('the fake library people', () => {
  it('starts with the OS user as its one admin, who acts', async () => {
    const api = createFakeApi({ count: 1 });
    expect(await api.acting()).toMatchObject({ name: 'me', role: 'admin', active: true });
    expect((await api.profiles()).map((p) => p.name)).toEqual(['me']);
  });

  it('reads every role x action from the table the core is tested against', () => {
    for (const [action, row] of Object.entries(table.actions)) {
      for (const [role, may] of Object.entries(row)) expect(allows(role as Role, action as Action), `${role} ${action}`).toBe(may);
    }
  });

  it('adds profiles with unique names regardless of case, and refuses a bad e-mail naming the field', async () => {
    const api = createFakeApi({ count: 1 });
    await api.addProfile('Ana', 'brand_manager', 'ana@example.com');
    await expect(api.addProfile('ANA', 'viewer', null)).rejects.toMatchObject({ code: 'conflict', field: 'name' });
    await expect(api.addProfile('Bo', 'viewer', 'not-mail')).rejects.toMatchObject({ code: 'invalid_input', field: 'email' });
    expect((await api.people()).map((p) => [p.name, p.role])).toEqual([
      ['me', 'admin'],
      ['Ana', 'brand_manager'],
    ]);
  });

  it('acts as another profile, whose role then decides; a viewer may not manage people', async () => {
    const api = createFakeApi({ count: 1 });
    await api.addProfile('Vic', 'viewer', null);
    expect(await api.actAs('vic')).toMatchObject({ name: 'Vic', role: 'viewer' });
    expect((await api.acting()).name).toBe('Vic');
    await expect(api.people()).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('needs role admin') });
    await expect(api.actAs('nobody')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps the last active admin, and a deactivated profile cannot act any more', async () => {
    const api = createFakeApi({ count: 1 });
    await expect(api.setProfileRole('me', 'viewer')).rejects.toMatchObject({ code: 'conflict' });
    await expect(api.deactivateProfile('me', null)).rejects.toMatchObject({ code: 'conflict' });
    await api.addProfile('Ana', 'contributor', null);
    expect(await api.deactivateProfile('Ana', 'me')).toBe(0);
    await expect(api.actAs('Ana')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await api.profiles()).map((p) => p.name), 'the switcher offers only active profiles').toEqual(['me']);
  });

  it('records what the acting profile does under its name', async () => {
    const api = createFakeApi({ count: 3 });
    await api.addProfile('Ana', 'brand_manager', null);
    await api.actAs('Ana');
    const page = await api.search({ query: '', sort: 'added', order: 'desc', cursor: null, limit: 1 });
    const id = page.assets[0]!.id;
    const comment = await api.addComment(id, 'crop tighter', null, null);
    expect(comment.author).toBe('Ana');
  });
});
