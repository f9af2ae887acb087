/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an
 * argument, and past about 125,000 of them the call overflows the stack (RangeError); this never does.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
