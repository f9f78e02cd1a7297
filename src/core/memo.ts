/**
 * A function of one object whose answers are kept as long as that object lives. The parsed
 * scripts, commands and nodes the rules ask about outlive one analysis (they are cached by text
 * or reused by on-type parsing), and several rules ask the same question at every keystroke.
 */
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const answers = new WeakMap<K, V>();
  return (key) => {
    // one look-up on a hit (these run hundreds of thousands of times per 2,000 Dockerfiles);
    // has() only when the kept answer may be undefined
    const kept = answers.get(key);
    if (kept !== undefined || answers.has(key)) {
      return kept as V;
    }
    const answer = compute(key);
    answers.set(key, answer);
    return answer;
  };
}

/**
 * A WeakMap's get/set/has, each value kept in a hidden (non-enumerable, symbol-named) property of
 * its key, so it lives and dies with the key. For caches keyed by what is parsed per file (models,
 * YAML nodes, jobs) whose values reference the rest of that file: V8's young-generation collector
 * keeps every value of a WeakMap alive whatever its key, so each file's parsed graph was copied
 * once more after the file was done (on 2,000 Dockerfiles, about two thirds of what the collector
 * copied). A key that cannot take a property (frozen) falls back to a WeakMap.
 */
export class KeptOn<K extends object, V> {
  private readonly slot = Symbol('kept');
  private fallback: WeakMap<K, V> | undefined;

  get(key: K): V | undefined {
    const holder = key as unknown as Record<symbol, V | undefined>;
    return this.slot in holder ? holder[this.slot] : this.fallback?.get(key);
  }

  has(key: K): boolean {
    return this.slot in key || (this.fallback?.has(key) ?? false);
  }

  set(key: K, value: V): this {
    const holder = key as unknown as Record<symbol, V>;
    if (this.slot in holder) {
      holder[this.slot] = value;
    } else if (Object.isExtensible(holder)) {
      Object.defineProperty(holder, this.slot, { value, writable: true, configurable: true, enumerable: false });
    } else {
      (this.fallback ??= new WeakMap()).set(key, value);
    }
    return this;
  }
}
