// The fake library's people, as the core keeps them (app/people): one admin profile named after the OS user to
// start with ("me"), profiles added with a role (names unique regardless of case), a role change or a
// deactivation refused for the last active admin, the window's switcher acting as any active profile, and the one
// permission table (tests/cases/permissions.json, checked against the core's by its tests) deciding who may manage
// people.

import table from '../../../../tests/cases/permissions.json';
import { apiError } from './fake-data';
import type { Commands } from './api';
import type { Caller } from './fake-lifecycle';
import type { Action, Profile, ProfileAudit, Role } from './types';

type PeopleCommands = Pick<
  Commands,
  'acting' | 'profiles' | 'actAs' | 'people' | 'addProfile' | 'setProfileRole' | 'deactivateProfile'
>;

const ROLES = table.roles as Role[];
const allowed = table.actions as Record<Action, Record<Role, boolean>>;

/** Whether `role` may take `action`, from the table the core's `domain::permission::allows` is tested against. */
export function allows(role: Role, action: Action): boolean {
  return allowed[action]?.[role] === true;
}

export class FakePeople {
  readonly #profiles: Profile[];
  #acting: string;

  constructor(now: number, osUser = 'me') {
    this.#profiles = [{ name: osUser, role: 'admin', active: true, created_at: now }];
    this.#acting = osUser;
  }

  /** The name of who acts now (the actor of every fake use case). */
  get actor(): string {
    return this.#acting;
  }

  current(): Profile {
    return this.#must(this.#acting);
  }

  /** `forbidden` naming the roles that may, as `Ctx::require` refuses. */
  require(action: Action): void {
    const me = this.current();
    if (allows(me.role, action)) return;
    const needs = ROLES.filter((r) => allows(r, action)).map((r) => r.replace('_', ' '));
    throw apiError('forbidden', `${me.name} (${me.role.replace('_', ' ')}) may not ${action.replace(/_/g, ' ')}: needs role ${needs.join(' or ')}`);
  }

  find(name: string): Profile | undefined {
    const key = name.trim().toLowerCase();
    return this.#profiles.find((p) => p.name.toLowerCase() === key);
  }

  #must(name: string): Profile {
    const p = this.find(name);
    if (!p) throw apiError('not_found', `no profile named "${name}"; the library's profiles: ${this.#profiles.map((x) => x.name).join(', ')}`, 'name');
    return p;
  }

  #otherAdmins(name: string): number {
    return this.#profiles.filter((p) => p.active && p.role === 'admin' && p.name !== name).length;
  }

  /**
   * The commands. The fake's one review template (Default) names roles, not people, so nobody has open reviews of
   * their own: a deactivation hands over none, as the core would with that template.
   */
  commands(now: () => number, call: Caller, committed: () => void): PeopleCommands {
    return {
      acting: () => call('acting', [], () => ({ ...this.current() })),
      profiles: () => call('profiles', [], () => this.#profiles.filter((p) => p.active).map((p) => ({ ...p }))),
      actAs: (name) =>
        call('actAs', [name], () => {
          const p = this.find(name);
          if (!p) throw apiError('forbidden', `no profile named "${name}" to act as; the library's profiles: ${this.#profiles.map((x) => x.name).join(', ')}`);
          if (!p.active) throw apiError('forbidden', `${p.name}'s profile is deactivated and can no longer act`);
          this.#acting = p.name;
          return { ...p };
        }),
      people: () =>
        call('people', [], (): ProfileAudit[] => {
          this.require('manage_users');
          return this.#profiles.map((p) => ({
            ...p,
            allowed: p.active ? (Object.keys(allowed) as Action[]).filter((a) => allows(p.role, a)) : [],
          }));
        }),
      addProfile: (name, role, email) =>
        call('addProfile', [name, role, email], () => {
          this.require('manage_users');
          const clean = name.trim();
          if (!clean) throw apiError('invalid_input', `invalid name "${name}": a name cannot be blank`, 'name');
          if (this.find(clean)) throw apiError('conflict', `a profile named "${clean}" exists already (names are compared without case)`, 'name');
          if (email !== null && !/^[^@\s]+@[^@\s.][^@\s]*\.[^@\s.]+$/.test(email.trim())) {
            throw apiError('invalid_input', `invalid email "${email}": not an e-mail address`, 'email');
          }
          const p: Profile = { name: clean, role, active: true, created_at: now(), ...(email ? { email: email.trim() } : {}) };
          this.#profiles.push(p);
          committed();
          return { ...p };
        }),
      setProfileRole: (name, role) =>
        call('setProfileRole', [name, role], () => {
          this.require('manage_users');
          const p = this.#must(name);
          if (p.role === 'admin' && role !== 'admin' && p.active && this.#otherAdmins(p.name) === 0) {
            throw apiError('conflict', `${p.name} is the last active admin; make another profile admin first`);
          }
          p.role = role;
          committed();
          return { ...p };
        }),
      deactivateProfile: (name, handover) =>
        call('deactivateProfile', [name, handover], () => {
          this.require('manage_users');
          const p = this.#must(name);
          if (!p.active) throw apiError('conflict', `${p.name} is deactivated already`);
          if (p.role === 'admin' && this.#otherAdmins(p.name) === 0) {
            throw apiError('conflict', `${p.name} is the last active admin and cannot be deactivated; make another profile admin first`);
          }
          const heir = handover === null ? null : this.#must(handover);
          if (heir && (!heir.active || heir.name === p.name)) throw apiError('conflict', `${heir.name} cannot take over ${p.name}'s reviews`);
          p.active = false;
          committed();
          return 0;
        }),
    };
  }
}
