/**
 * A function of one object whose answers are kept as long as that object lives (on the object,
 * see KeptOn). The parsed scripts, commands and nodes the rules ask about outlive one analysis
 * (they are cached by text or reused by on-type parsing), and several rules ask the same question
 * at every keystroke.
 */
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const answers = new KeptOn<K, V>();
  return (key) => answers.answer(key, compute);
}

/**
 * A WeakMap's get/set/has, each value kept in a hidden (non-enumerable, symbol-named) property of
 * its key, so it lives and dies with the key. For caches keyed by what is parsed per file (models,
 * YAML nodes, jobs) whose values reference the rest of that file: V8's young-generation collector
 * keeps every value of a WeakMap alive whatever its key, so each file's parsed graph was copied
 * once more after the file was done (on 2,000 Dockerfiles, about two thirds of what the collector
 * copied). The property holds its key beside the value: a copy of the key made with its property
 * descriptors (yaml's `clone()`) or an object made with the key as prototype does not see the
 * key's value. A key that cannot take the property (frozen, also after its first value) falls
 * back to a WeakMap.
 */
export class KeptOn<K extends object, V> {
  private readonly slot = Symbol('kept');
  private fallback: WeakMap<K, V> | undefined;

  /** The entry this cache keeps on `key` itself, if it is `key`'s own. */
  private entry(key: K): { owner: K; value: V } | undefined {
    const entry = Object.hasOwn(key, this.slot) ? (key as unknown as Record<symbol, { owner: K; value: V }>)[this.slot] : undefined;
    return entry !== undefined && entry.owner === key ? entry : undefined;
  }

  /** The value kept for `key`, else `compute`'s, then kept (an undefined answer too). */
  answer(key: K, compute: (key: K) => V): V {
    const entry = this.entry(key);
    if (entry !== undefined) {
      return entry.value;
    }
    if (this.fallback?.has(key)) {
      return this.fallback.get(key) as V;
    }
    const value = compute(key);
    this.set(key, value);
    return value;
  }

  get(key: K): V | undefined {
    if (this.fallback?.has(key)) {
      return this.fallback.get(key);
    }
    return this.entry(key)?.value;
  }

  has(key: K): boolean {
    return this.entry(key) !== undefined || (this.fallback?.has(key) ?? false);
  }

  set(key: K, value: V): this {
    const entry = { owner: key, value };
    const holder = key as unknown as Record<symbol, { owner: K; value: V }>;
    if (Object.hasOwn(holder, this.slot) ? !Object.isFrozen(holder) : Object.isExtensible(holder)) {
      Object.defineProperty(holder, this.slot, { value: entry, writable: true, configurable: true, enumerable: false });
    } else {
      (this.fallback ??= new WeakMap()).set(key, value);
    }
    return this;
  }
}
