import type { ReactiveControllerHost } from 'lit';
import type { FieldError } from '@account-request/sdk';

/**
 * When to show what the SDK says (Lion's "interaction state" policy): a field is checked
 * when it loses focus, never while the person is still typing in it for the first time;
 * once an error shows, every input re-checks so the error leaves as soon as it is fixed.
 * A submit (or a 422) shows every error at once. A value that is too long shows at once too:
 * it can only get worse with more typing, and it stands in for the native `maxlength` the
 * controls do not carry (that counts UTF-16 units, not code points as the SDK does).
 */
export class FeedbackController {
  readonly #host: ReactiveControllerHost;
  readonly #check: (id: string) => FieldError | undefined;
  readonly #shown = new Map<string, FieldError>();

  /** `check(id)` validates the current value of `id` with the SDK. */
  constructor(host: ReactiveControllerHost, check: (id: string) => FieldError | undefined) {
    this.#host = host;
    this.#check = check;
  }

  /** The message shown for `id`, if any. */
  message(id: string): string | undefined {
    return this.#shown.get(id)?.message;
  }

  /** Ids with a shown error, in the order given. */
  invalidIn(order: readonly string[]): string[] {
    return order.filter((id) => this.#shown.has(id));
  }

  blurred(id: string): void {
    this.#set(id, this.#check(id));
  }

  input(id: string): void {
    const error = this.#check(id);
    if (this.#shown.has(id) || error?.code === 'too_long') this.#set(id, error);
  }

  /** Shows exactly `errors` (first error per field wins). */
  showAll(errors: readonly FieldError[]): void {
    this.#shown.clear();
    for (const error of errors) if (!this.#shown.has(error.field)) this.#shown.set(error.field, error);
    this.#host.requestUpdate();
  }

  /** Re-checks every shown error (after a language change, so messages follow it). */
  recheck(): void {
    for (const id of [...this.#shown.keys()]) this.#set(id, this.#check(id));
  }

  clear(): void {
    this.#shown.clear();
    this.#host.requestUpdate();
  }

  #set(id: string, error: FieldError | undefined): void {
    const before = this.#shown.get(id);
    if (error) this.#shown.set(id, error);
    else this.#shown.delete(id);
    if (before?.message !== error?.message) this.#host.requestUpdate();
  }
}
