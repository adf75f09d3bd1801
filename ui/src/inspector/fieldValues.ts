// What the inspector shows for a field over the selection: one value, or "mixed" when the assets differ (or when their
// details are not loaded, so nothing is guessed), and the text a control writes back (the core's NAME=VALUE form).
// No checks here: the core validates every write and its message is shown at the field.

import type { AssetDetail, AssetKind, Choice, CustomField, FieldType, FieldValue } from '../lib/api/types';

/** A field the inspector edits: a built-in one (alt text, licence…) or a custom one from the library settings. */
export interface FieldSpec {
  /** The name `setFields` takes (`alt_text`, `shoot_date`). */
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  choices: Choice[];
  /** Reads the value from one asset's details, in the text form a write takes. */
  read: (d: AssetDetail) => string;
}

/** One value for the whole selection, or mixed (values differ, or not all details are known). */
export interface Shown {
  value: string;
  mixed: boolean;
}

/** A stored value as the text `tessera set` takes: yes/no, a list joined by ", ", a number as written. */
export function assignmentText(v: FieldValue | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/** The list of a choices field's value (as `assignmentText` wrote it). */
export function splitChoices(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * The value of a field over the selection. `complete` says every selected asset's details are in `details`; when
 * they are not (a large selection), the field is mixed: an unknown value is never shown as empty.
 */
export function shownValue(details: readonly AssetDetail[], complete: boolean, read: (d: AssetDetail) => string): Shown {
  if (!complete || details.length === 0) return { value: '', mixed: !complete };
  const first = read(details[0]!);
  return details.every((d) => read(d) === first) ? { value: first, mixed: false } : { value: '', mixed: true };
}

/** For a choices field: which values every asset has, and which only some. */
export function choiceStates(details: readonly AssetDetail[], complete: boolean, read: (d: AssetDetail) => string) {
  const all = new Set<string>();
  const some = new Set<string>();
  if (!complete) return { all, some };
  const lists = details.map((d) => splitChoices(read(d)));
  for (const v of new Set(lists.flat())) {
    if (lists.every((l) => l.includes(v))) all.add(v);
    else some.add(v);
  }
  return { all, some };
}

/** The built-in fields the inspector edits besides title, description, rating and tags. */
export const BUILT_IN_FIELDS: FieldSpec[] = [
  builtIn('alt_text', 'Alt text', 'long-text', (d) => d.alt_text),
  builtIn('caption', 'Caption', 'long-text', (d) => d.caption),
  builtIn('creator', 'Creator', 'text', (d) => d.creator ?? d.rights.creator),
  builtIn('credit', 'Credit', 'text', (d) => d.credit ?? d.rights.credit),
  builtIn('copyright', 'Copyright', 'text', (d) => d.copyright ?? d.rights.copyright),
  builtIn('licence', 'Licence', 'text', (d) => d.rights.licence),
  builtIn('usage_terms', 'Usage terms', 'long-text', (d) => d.rights.usage_terms),
  builtIn('expires', 'Rights expire', 'date', (d) => d.rights.expires),
  builtIn('campaign', 'Campaign', 'text', (d) => d.campaign),
];

function builtIn(name: string, label: string, type: FieldType, get: (d: AssetDetail) => string | null): FieldSpec {
  return { name, label, type, required: false, choices: [], read: (d) => get(d) ?? '' };
}

/** A custom field as the inspector edits it; required only where it applies to every selected asset's type. */
export function customSpec(f: CustomField, kinds: readonly AssetKind[]): FieldSpec {
  const appliesToAll = f.kinds.length === 0 || (kinds.length > 0 && kinds.every((k) => f.kinds.includes(k)));
  return {
    name: f.name,
    label: f.name.replace(/_/g, ' '),
    type: f.type,
    required: f.required && appliesToAll,
    choices: f.choices,
    read: (d) => assignmentText(d.fields[f.name]),
  };
}

/** The custom fields for a selection of these types (all of them when the types are not known). */
export function fieldsFor(fields: readonly CustomField[], kinds: readonly AssetKind[] | null): CustomField[] {
  return fields.filter((f) => f.kinds.length === 0 || kinds === null || kinds.some((k) => f.kinds.includes(k)));
}

export const LABEL_COLOURS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple'] as const;
