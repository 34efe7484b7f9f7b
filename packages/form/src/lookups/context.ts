import type { AccountRequestClient, LookupCapabilities, Namespaces } from '@account-request/sdk';
import type { LookupHost, LookupKit } from '../controllers/lookups.js';

/** What the parts of the lookups share: the bundle's kit, the form, the client and what the server has on. */
export interface LookupContext {
  readonly kit: LookupKit;
  readonly host: LookupHost;
  readonly lookups: { readonly api: AccountRequestClient | undefined; readonly capabilities: LookupCapabilities };
}

/** The lookups' words in the form's language. */
export const words = (context: LookupContext): Namespaces['lookups'] => context.kit.texts('lookups', context.host.locale());

/** The text value of field `id` ('' for none). */
export function text(context: LookupContext, id: string): string {
  const value = context.host.value(id);
  return typeof value === 'string' ? value : '';
}

/** The address is French: the country chosen, or France when the form does not ask (the SDK's default). */
export const inFrance = (context: LookupContext): boolean => (context.host.value('country') ?? context.kit.DEFAULT_COUNTRY) === 'FR';

/** The control of field `id` as rendered now (a field hidden by a condition has none). */
export function control(context: LookupContext, id: string): HTMLElement | null {
  return context.host.root().querySelector<HTMLElement>(`[name="${id}"]`);
}

/** Focuses `selector` in the form once it has rendered what changed. */
export function focusAfterUpdate(context: LookupContext, selector: string): void {
  void context.host.element.updateComplete.then(() => context.host.root().querySelector<HTMLElement>(selector)?.focus());
}

/** The label of field `id` as the form shows it. */
export function labelOf(context: LookupContext, id: string): string {
  return context.host.fields().find((field) => field.id === id)?.label ?? id;
}
