/**
 * A table looked up by codes, units or keys that come from a server. Always a Map, never a plain
 * object: on an object, a code such as "constructor" or "__proto__" would find what every object
 * inherits instead of nothing.
 */
export function lookupTable<V>(entries: Iterable<readonly [string, V]>): ReadonlyMap<string, V> {
  return new Map(entries);
}
