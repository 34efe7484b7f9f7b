import { DEFAULT_COUNTRY, HONEYPOT_FIELD } from '@account-request/sdk';
import type { ResolvedField } from '@account-request/sdk';
import type { Draft } from '../controllers/draft.js';
import type { FieldValue } from '../fields/index.js';

/** The values the element holds, by field id. */
export type FormValues = Record<string, FieldValue>;

/** Prefill values a host passes through `.values`. */
export type PrefillValues = Readonly<Record<string, unknown>>;

const NO_FILES: readonly File[] = Object.freeze([]);

/** The value of `field` when nothing was typed: empty, unchecked, no file, or France for the country. */
export function emptyValue(field: ResolvedField): FieldValue {
  if (field.type === 'checkbox') return false;
  if (field.type === 'file') return NO_FILES;
  return field.type === 'country' ? DEFAULT_COUNTRY : '';
}

// A country as the select's options hold it: the code upper-cased (a host's `be`, an old draft's).
const norm = <T extends FieldValue>(field: ResolvedField, value: T): T => (field.type === 'country' ? (String(value).toUpperCase() as T) : value);

/**
 * A prefill value for `field`, if usable. Checkboxes are never pre-checked by a host (consent
 * is the person's act) and a password is never prefilled.
 */
export function prefillValue(field: ResolvedField, prefill: PrefillValues | undefined): string | undefined {
  if (!prefill || field.type === 'checkbox' || field.type === 'password' || field.type === 'file' || !Object.hasOwn(prefill, field.id)) return undefined;
  const value = prefill[field.id];
  return typeof value === 'string' || typeof value === 'number' ? norm(field, String(value)) : undefined;
}

/**
 * The values of one form: what the person typed (tracked, so a draft only holds their own
 * entries and wins over a host's prefill for those fields alone), and the confirmation box.
 */
export class FieldValues {
  #values: FormValues = {};
  #typed = new Set<string>();
  /** File names of a restored draft, by field, until files are chosen again. */
  #again: Readonly<Record<string, readonly string[]>> = {};
  /** The "I confirm" box: never prefilled, never stored. */
  confirmed = false;

  get all(): Readonly<FormValues> {
    return this.#values;
  }

  get(id: string): FieldValue | undefined {
    return this.#values[id];
  }

  /** A value the person entered. */
  input(id: string, value: FieldValue): void {
    this.#values = { ...this.#values, [id]: value };
    this.#typed.add(id);
    // The files to choose again are those not chosen yet (by name): one chosen of two leaves the other asked for.
    if (Array.isArray(value)) {
      const left = this.again(id).filter((name) => !(value as readonly File[]).some((file) => file.name === name));
      const { [id]: _gone, ...rest } = this.#again;
      this.#again = left.length > 0 ? { ...rest, [id]: left } : rest;
    }
  }

  /** The names of the files a restored draft had for file field `id`, to choose again. */
  again(id: string): readonly string[] {
    return Object.hasOwn(this.#again, id) ? (this.#again[id] ?? []) : [];
  }

  /**
   * Values for a (new) list of fields: what the person typed in this page wins (a new config
   * may arrive while they type, e.g. in the editor's preview), then the stored draft (never
   * for a password, never for a field no longer displayed), then the prefill.
   */
  adopt(fields: readonly ResolvedField[], draft: Draft | undefined, prefill: PrefillValues | undefined, fixed: ReadonlySet<string> = new Set()): void {
    const previous = this.#values;
    const typedBefore = this.#typed;
    this.#values = {};
    this.#typed = new Set();
    const again: Record<string, readonly string[]> = {};
    for (const field of fields) {
      const names = field.type === 'file' && draft?.files && Object.hasOwn(draft.files, field.id) ? draft.files[field.id] : undefined;
      if (names?.length && !(Array.isArray(previous[field.id]) && (previous[field.id] as readonly File[]).length)) again[field.id] = names;
      const current = typedBefore.has(field.id) ? previous[field.id] : undefined;
      const stored = draft && field.type !== 'password' && Object.hasOwn(draft.values, field.id) ? draft.values[field.id] : undefined;
      // A field the host fixed keeps the host's value, whatever was typed or drafted.
      const saved = fixed.has(field.id) ? undefined : (current ?? stored);
      if (saved !== undefined && typeof saved === typeof emptyValue(field)) {
        this.#values[field.id] = norm(field, saved);
        this.#typed.add(field.id);
      } else {
        this.#values[field.id] = prefillValue(field, prefill) ?? emptyValue(field);
      }
    }
    this.#again = again;
  }

  /** Applies a new prefill to the fields the person has not typed in, and to those the host fixed. */
  prefill(fields: readonly ResolvedField[], prefill: PrefillValues | undefined, fixed: ReadonlySet<string> = new Set()): void {
    const values = { ...this.#values };
    for (const field of fields) {
      if (fixed.has(field.id)) this.#typed.delete(field.id);
      if (!this.#typed.has(field.id)) values[field.id] = prefillValue(field, prefill) ?? emptyValue(field);
    }
    this.#values = values;
  }

  /** Back to the prefill, nothing typed, box unchecked. */
  reset(fields: readonly ResolvedField[], prefill: PrefillValues | undefined): void {
    this.#typed.clear();
    this.#again = {};
    this.confirmed = false;
    this.prefill(fields, prefill);
  }

  /** Forgets which fields were typed (after a success the values are no longer a draft). */
  settle(): void {
    this.#typed.clear();
  }

  /** The submission body for the SDK: every displayed field, the box, the locale. */
  body(fields: readonly ResolvedField[], locale: string): { values: FormValues; confirmed: boolean; locale: string } {
    const values: FormValues = {};
    for (const field of fields) values[field.id] = this.#values[field.id] ?? emptyValue(field);
    return { values, confirmed: this.confirmed, locale };
  }

  /** What a draft stores: typed values only, never a password, never a file (only the names: see {@link draftFiles}). */
  draftValues(fields: readonly ResolvedField[]): Record<string, string | boolean> {
    const values: Record<string, string | boolean> = {};
    for (const field of fields) {
      const value = this.#values[field.id];
      if (this.#typed.has(field.id) && field.type !== 'password' && value !== undefined && !Array.isArray(value)) values[field.id] = value as string | boolean;
    }
    return values;
  }

  /** The names of the chosen files by file field (or of those still to choose again), for the draft. */
  draftFiles(fields: readonly ResolvedField[]): Record<string, string[]> {
    const files: Record<string, string[]> = {};
    for (const field of fields) {
      const value = this.#values[field.id];
      const names = Array.isArray(value) && value.length ? (value as readonly File[]).map((file) => file.name) : [...this.again(field.id)];
      if (field.type === 'file' && names.length) files[field.id] = names;
    }
    return files;
  }
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The field id and value an input event is about, or `undefined` for anything that is not one of our fields. */
export function readControl(target: EventTarget | null): { id: string; value: FieldValue } | undefined {
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) return undefined;
  const control: Control = target;
  // File inputs report through their own listener (the uploads chunk): their value is a fake path.
  if (!control.name || control.name === HONEYPOT_FIELD || (control instanceof HTMLInputElement && control.type === 'file')) return undefined;
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return { id: control.name, value: control.checked };
  if (control instanceof HTMLInputElement && control.type === 'radio' && !control.checked) return undefined;
  return { id: control.name, value: control.value };
}

/**
 * The names of the controls the browser could not read into a value, for the SDK's `unreadable`
 * option: a date typed in part (or a day that does not exist) leaves its input empty, with
 * `validity.badInput` set.
 */
export function unreadableIds(controls: Iterable<Element | null>): string[] {
  return [...controls].flatMap((control) => (control instanceof HTMLInputElement && control.validity.badInput ? [control.name] : []));
}

/** True when focus moves between two radios of one group: the group has not lost focus yet. */
export function staysInGroup(event: FocusEvent): boolean {
  const { target, relatedTarget } = event;
  return (
    target instanceof HTMLInputElement &&
    target.type === 'radio' &&
    relatedTarget instanceof HTMLInputElement &&
    relatedTarget.type === 'radio' &&
    relatedTarget.name === target.name
  );
}
