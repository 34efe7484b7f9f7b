/**
 * Base class of every error the SDK throws. `name` is stable, so `error.name === 'ConfigError'`
 * works across bundles and realms where `instanceof` may not.
 */
export class AccountRequestError extends Error {
  override readonly name: string = 'AccountRequestError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
