/**
 * Runs tasks one at a time per key, in arrival order: two messages of one member must not both
 * read "one strike" and both write "two". Different keys run concurrently.
 */
export class KeyedLock {
  private tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /**
   * Runs a task once it has the turn of every key given: it takes its place in each key's line
   * at once, on arrival, so arrival order holds for each key, and no two tasks can each hold
   * what the other waits for.
   */
  runAll<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    if (keys.length === 1) return this.run(keys[0]!, task);
    // Earlier tails never reject (see run), so `all` waits for every one of them.
    const result = Promise.all(keys.map((key) => this.tails.get(key))).then(task);
    const tail = result.catch(() => undefined);
    for (const key of keys) this.tails.set(key, tail);
    void tail.then(() => {
      for (const key of keys) if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
