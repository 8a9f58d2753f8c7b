/**
 * Sets `key` on a copy of imported JSON as an own property. Plain assignment would treat `__proto__`
 * (an ordinary key to JSON.parse) as the object's prototype and drop the data without a word.
 */
export function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
