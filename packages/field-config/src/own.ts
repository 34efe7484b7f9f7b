/**
 * `object[key]` when `object` holds `key` itself, else `undefined`. The SDK's configs are plain
 * objects: an optional key they lack (a field's `help`, `settings.alertEmail`…) must not be read
 * through `Object.prototype`, which a host page may have polluted, and then saved into the config.
 */
export function own<T extends object, K extends keyof T>(object: T | undefined, key: K): T[K] | undefined {
  return object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
}
