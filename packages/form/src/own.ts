/**
 * `object[key]` when `object` holds `key` itself, else `undefined`. An optional key that is
 * absent must not be read through `Object.prototype`, which a host page may have polluted
 * (a polluted `redirectUrl` would otherwise send the person to another site).
 */
export function own<T extends object, K extends keyof T>(object: T, key: K): T[K] | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** A prototype-less copy of the own properties of `object`: every key it lacks reads `undefined`. */
export function ownCopy<T extends object>(object: T): T {
  return Object.assign(Object.create(null) as T, object);
}
