// The fake's fields, as the core has them (domain/fields.rs, app/fields, app/assets/set_fields.rs): the built-in
// fields with the same checks and messages ("invalid label \"white\": use one of: …"), custom field definitions with
// their vocabularies (retired values stay on assets, refused on writes), values per asset in the core's shapes
// (yes/no as a boolean, a choices field as a list), and metadata templates.

import { apiError, type Rec } from './fake-data';
import type { AssetKind, CustomField, FieldAssignment, FieldDefinition, FieldType, FieldValue, Template } from './types';

export const BUILT_IN = ['title', 'description', 'alt_text', 'caption', 'creator', 'credit', 'copyright', 'licence',
  'usage_terms', 'expires', 'campaign', 'label', 'flag', 'rating'] as const;
export type BuiltIn = (typeof BUILT_IN)[number];
export const LABELS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple'];
export const FLAGS = ['pick', 'reject'];
const TYPES: FieldType[] = ['text', 'long-text', 'number', 'date', 'url', 'bool', 'choice', 'choices'];
const KINDS: AssetKind[] = ['image', 'video', 'audio', 'document', 'font', 'other'];
/** The query language's keys: a custom field may not take one. */
const RESERVED = ['tag', 'type', 'ext', 'uploader', 'creator', 'credit', 'campaign', 'width', 'height', 'orientation',
  'rating', 'taken', 'added', 'is', 'licence', 'label', 'flag', 'missing', 'expires', 'rights'];

/** A value as the edit log keeps it: null (none), text, a number, a boolean or a list of choices. */
export type Stored = string | number | boolean | string[] | null;

/** The record key of a built-in field (copyright lives in the older `rights`). */
type Column = 'title' | 'description' | 'alt_text' | 'caption' | 'creator' | 'credit' | 'rights' | 'licence' | 'usage_terms'
  | 'expires' | 'campaign' | 'label' | 'flag' | 'rating';

export function builtIn(name: string): BuiltIn | undefined {
  const n = name.trim().replace(/-/g, '_').toLowerCase();
  return BUILT_IN.find((b) => b === n);
}

function column(b: BuiltIn): Column {
  return b === 'copyright' ? 'rights' : b;
}

function invalid(field: string, value: string, reason: string): never {
  throw apiError('invalid_input', `invalid ${field} ${JSON.stringify(value)}: ${reason}`, field);
}

/** `YYYY-MM-DD`, a real day. */
export function isDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  return t.getUTCDate() === d && t.getUTCMonth() === mo - 1;
}

function text(field: string, raw: string, v: string): string {
  if (Array.from(v).length > 20_000) invalid(field, raw, 'at most 20000 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v)) invalid(field, raw, 'control characters are not allowed');
  return v;
}

/** The stored value of a built-in field for `raw` (null clears), or the core's refusal. */
export function checkBuiltIn(b: BuiltIn, raw: string): string | number | null {
  const v = raw.trim();
  if (!v) return null;
  switch (b) {
    case 'rating':
      if (!/^[+]?\d+$/.test(v) || Number(v) > 5) invalid(b, raw, 'a rating is a whole number from 0 to 5');
      return Number(v);
    case 'label': {
      const l = LABELS.find((x) => x === v.toLowerCase());
      return l ?? invalid(b, raw, `use one of: ${LABELS.join(', ')}`);
    }
    case 'flag': {
      const f = FLAGS.find((x) => x === v.toLowerCase());
      return f ?? invalid(b, raw, `use one of: ${FLAGS.join(', ')}`);
    }
    case 'expires':
      return isDate(v) ? v : invalid(b, raw, 'a date is YYYY-MM-DD, e.g. 2027-01-31');
    default:
      return text(b, raw, v);
  }
}

function number(v: string): number | null {
  if (/^[+-]?\d+$/.test(v)) return Number(v);
  if (!/^[0-9.eE+-]+$/.test(v)) return null;
  const x = Number(v);
  return Number.isFinite(x) ? x : null;
}

function boolean(v: string): boolean | null {
  const l = v.toLowerCase();
  if (['yes', 'y', 'true', '1', 'on'].includes(l)) return true;
  if (['no', 'n', 'false', '0', 'off'].includes(l)) return false;
  return null;
}

function url(v: string): boolean {
  const m = /^https?:\/\/([^/?#]*)/.exec(v);
  return !!m && m[1]!.length > 0 && !/[\s\u0000-\u001f]/.test(v) && v.length <= 2048;
}

/** A custom field's stored value for `raw` (null clears), or the core's refusal. */
export function checkCustom(f: CustomField, raw: string): Stored {
  const v = raw.trim();
  if (!v) return null;
  const bad = (reason: string) => invalid(f.name, raw, reason);
  const choice = (c: string): string => {
    const active = f.choices.filter((x) => !x.retired).map((x) => x.value);
    const found = f.choices.find((x) => x.value.toLowerCase() === c.toLowerCase());
    if (found && !found.retired) return found.value;
    if (found) return bad(`${JSON.stringify(found.value)} is retired; use one of: ${active.join(', ')}`);
    if (active.length === 0) return bad('the field has no values to choose from yet');
    return bad(`not in the list; use one of: ${active.join(', ')}`);
  };
  switch (f.type) {
    case 'text':
      if (v.includes('\n')) bad('a text field is one line (use a long-text field for more)');
      return text(f.name, raw, v);
    case 'long-text': return text(f.name, raw, v);
    case 'number': return number(v) ?? bad('a number, e.g. 42 or 3.5');
    case 'date': return isDate(v) ? v : bad('a date is YYYY-MM-DD, e.g. 2025-03-01');
    case 'url': return url(v) ? v : bad('a web address starting with http:// or https://');
    case 'bool': return boolean(v) ?? bad('yes or no (also true/false, 1/0)');
    case 'choice': return choice(v);
    case 'choices': {
      const out: string[] = [];
      for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
        const c = choice(part);
        if (!out.includes(c)) out.push(c);
      }
      const rank = (t: string) => f.choices.findIndex((c) => c.value === t);
      return out.sort((a, b) => rank(a) - rank(b));
    }
  }
}

/** The value of a field on a record, by its edit-log name (`licence`, `field:shoot_date`). */
export function read(a: Rec, field: string): Stored {
  if (field.startsWith('field:')) return a.fields?.[field.slice(6)] ?? null;
  const b = builtIn(field);
  return b ? ((a as unknown as Record<string, Stored>)[column(b)] ?? null) : null;
}

export function write(a: Rec, field: string, value: Stored): void {
  if (field.startsWith('field:')) {
    const fields = { ...(a.fields ?? {}) };
    if (value === null) delete fields[field.slice(6)];
    else fields[field.slice(6)] = value as FieldValue;
    a.fields = fields;
    return;
  }
  const b = builtIn(field);
  if (b) (a as unknown as Record<string, Stored>)[column(b)] = value;
}

export function same(x: Stored, y: Stored): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}

/** One checked assignment: the edit-log field name and the value to store. */
export interface Checked {
  field: string;
  value: Stored;
}

/** A library's custom fields and templates. */
export class FieldBook {
  fields: CustomField[] = [];
  templates: Template[] = [];
  #next = 1;

  find(name: string): CustomField | undefined {
    return this.fields.find((f) => f.name.toLowerCase() === name.trim().toLowerCase());
  }

  /** Every assignment checked (a later one of the same field wins), or the first refusal. */
  check(assignments: FieldAssignment[]): Checked[] {
    const out: Checked[] = [];
    for (const a of assignments) {
      const b = builtIn(a.name);
      let c: Checked;
      if (b) c = { field: b, value: checkBuiltIn(b, a.value) };
      else {
        const f = this.find(a.name);
        if (!f) throw apiError('invalid_input', `no field named ${JSON.stringify(a.name.trim())}; \`tessera field ls\` lists the library's fields`, a.name.trim());
        c = { field: `field:${f.name}`, value: checkCustom(f, a.value) };
      }
      const at = out.findIndex((x) => x.field === c.field);
      if (at >= 0) out.splice(at, 1);
      out.push(c);
    }
    return out;
  }

  define(d: FieldDefinition): CustomField {
    const name = d.name.trim();
    const badName = (reason: string) => {
      throw apiError('invalid_input', `invalid field name ${JSON.stringify(d.name)}: ${reason}`, 'name');
    };
    if (!name || name.length > 64) badName('a field name has 1 to 64 characters');
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) badName('a field name is letters, digits and _, starting with a letter');
    if (builtIn(name)) badName('that is a built-in field');
    if (RESERVED.includes(name.toLowerCase())) badName('that name is a search filter');
    const bad = (reason: string): never => {
      throw apiError('invalid_input', `field ${JSON.stringify(name)}: ${reason}`, name);
    };
    const type = TYPES.find((t) => t === d.type.trim().toLowerCase().replace(/_/g, '-'))
      ?? bad(`unknown type ${JSON.stringify(d.type)}; use one of: ${TYPES.join(', ')}`);
    const kinds: AssetKind[] = [];
    for (const k of d.kinds.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean)) {
      const kind = KINDS.find((x) => x === k.toLowerCase())
        ?? bad(`unknown asset type ${JSON.stringify(k)}; use image, video, audio, document, font or other`);
      if (!kinds.includes(kind)) kinds.push(kind);
    }
    const choices = [...new Set(d.choices.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean))]
      .map((value) => ({ value, retired: false }));
    if (choices.length && type !== 'choice' && type !== 'choices') {
      bad(`a ${type} field has no list of values (use --type choice or choices)`);
    }
    if (this.find(name)) throw apiError('conflict', `a field named ${JSON.stringify(name)} already exists`, name);
    const field: CustomField = { id: this.#next++, name, type, required: d.required, kinds, position: this.fields.length, choices };
    this.fields.push(field);
    return structuredClone(field);
  }

  remove(name: string, records: readonly Rec[]): void {
    const f = this.find(name);
    if (!f) throw apiError('invalid_input', `no field named ${JSON.stringify(name.trim())}; \`tessera field ls\` lists the library's fields`, name.trim());
    const used = records.filter((r) => r.fields?.[f.name] !== undefined).length;
    if (used > 0) {
      throw apiError('conflict', `field ${JSON.stringify(f.name)} is used by ${used} asset(s); clear it on them first (\`tessera set ID... ${f.name}=\`)`, f.name);
    }
    this.fields = this.fields.filter((x) => x !== f);
  }

  editChoices(name: string, add: string[], retire: string[]): CustomField {
    const f = this.find(name);
    if (!f) throw apiError('invalid_input', `no field named ${JSON.stringify(name.trim())}; \`tessera field ls\` lists the library's fields`, name.trim());
    if (f.type !== 'choice' && f.type !== 'choices') {
      throw apiError('invalid_input', `field ${JSON.stringify(f.name)}: only choice and choices fields have a list of values`, f.name);
    }
    const split = (l: string[]) => l.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
    for (const v of split(add)) {
      const had = f.choices.find((c) => c.value.toLowerCase() === v.toLowerCase());
      if (had) had.retired = false;
      else f.choices.push({ value: v, retired: false });
    }
    for (const v of split(retire)) {
      const had = f.choices.find((c) => c.value.toLowerCase() === v.toLowerCase());
      if (!had) invalid(f.name, v, "not in the field's list, so it cannot be retired");
      had.retired = true;
    }
    return structuredClone(f);
  }

  addTemplate(name: string, assignments: FieldAssignment[]): Template {
    const n = name.trim();
    if (!n || Array.from(n).length > 100) invalid('template', n, 'a template name has 1 to 100 characters');
    if (assignments.length === 0) invalid('template', n, 'a template sets at least one field (NAME=VALUE)');
    this.check(assignments);
    if (this.templates.some((t) => t.name.toLowerCase() === n.toLowerCase())) {
      throw apiError('conflict', `a template named ${JSON.stringify(n)} already exists`, 'template');
    }
    const t = { name: n, assignments: assignments.map((a) => ({ ...a })) };
    this.templates.push(t);
    this.templates.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
    return structuredClone(t);
  }

  template(name: string): Template {
    const t = this.templates.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
    if (!t) throw apiError('not_found', `no template named ${JSON.stringify(name.trim())}; \`tessera template ls\` lists them`, 'template');
    return t;
  }
}

/** The edit in words, as the core's `describe` puts it: `licence, label red, shoot_date cleared`. */
export function describeFields(checked: Checked[]): string {
  const ordered = [...checked.filter((c) => !c.field.startsWith('field:')), ...checked.filter((c) => c.field.startsWith('field:'))];
  const parts = ordered.map((c) => {
    const name = c.field.startsWith('field:') ? c.field.slice(6) : c.field;
    if (c.value === null) return `${name} cleared`;
    return ['rating', 'label', 'flag'].includes(c.field) ? `${name} ${String(c.value)}` : name;
  });
  return parts.length ? parts.join(', ') : 'no change';
}
