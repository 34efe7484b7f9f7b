import { DEFAULT_COUNTRY, HONEYPOT_FIELD } from '@account-request/sdk';
import type { ResolvedField } from '@account-request/sdk';
import type { FieldValue } from '../fields/index.js';

/** The values the element holds, by field id. */
export type FormValues = Record<string, FieldValue>;

/** Prefill values a host passes through `.values`. */
export type PrefillValues = Readonly<Record<string, unknown>>;

/** The value of `field` when nothing was typed: empty, unchecked, or France for the country. */
export function emptyValue(field: ResolvedField): FieldValue {
  if (field.type === 'checkbox') return false;
  return field.type === 'country' ? DEFAULT_COUNTRY : '';
}

/**
 * A prefill value for `field`, if usable. Checkboxes are never pre-checked by a host (consent
 * is the person's act) and a password is never prefilled.
 */
export function prefillValue(field: ResolvedField, prefill: PrefillValues | undefined): string | undefined {
  if (!prefill || field.type === 'checkbox' || field.type === 'password' || !Object.hasOwn(prefill, field.id)) return undefined;
  const value = prefill[field.id];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The field id and value an input event is about, or `undefined` for anything that is not one of our fields. */
export function readControl(target: EventTarget | null): { id: string; value: FieldValue } | undefined {
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) return undefined;
  const control: Control = target;
  if (!control.name || control.name === HONEYPOT_FIELD) return undefined;
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return { id: control.name, value: control.checked };
  if (control instanceof HTMLInputElement && control.type === 'radio' && !control.checked) return undefined;
  return { id: control.name, value: control.value };
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
