/** `object[key]` when `object` holds `key` itself, else `undefined`: never a value from a prototype. */
export function own<T extends object, K extends keyof T>(object: T | undefined, key: K): T[K] | undefined {
  return object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * Defines each of `keys` that `object` does not hold as an own, non-enumerable, read-only
 * `undefined`. An absent optional key then reads `undefined` even on a page that set it on
 * Object.prototype, while JSON, spreads, `Object.keys` and deep equality see the object as
 * before. The SDK does it once, on what it hands out (the catalog, configs, resolved fields),
 * so that the elements and any other reader can use plain property access.
 */
export function shadowAbsent<T extends object>(object: T, keys: readonly string[]): T {
  for (const key of keys) if (!Object.hasOwn(object, key)) Object.defineProperty(object, key, { value: undefined, configurable: true });
  return object;
}
