/**
 * The core's parse caches (YAML documents and entries, Dockerfile chunks, shell scripts, recent
 * Terraform trees, workflow scripts) register here, so a host can drop them all: the benchmark
 * compares cold runs with other linters that keep nothing between calls.
 */
const clearers: (() => void)[] = [];
const sizes: (() => number)[] = [];

/** Register how to empty one cache, and (for text-keyed caches) how many characters it holds. */
export function onClearCaches(clear: () => void, size?: () => number): void {
  clearers.push(clear);
  if (size) {
    sizes.push(size);
  }
}

/** Characters of source text the parse caches hold (their budgets bound it; about 30 bytes of heap per character). */
export function cachedChars(): number {
  return sizes.reduce((a, size) => a + size(), 0);
}

/** Empty every parse cache of the core. */
export function clearCaches(): void {
  for (const clear of clearers) {
    clear();
  }
}

/**
 * A cache keyed by source text, bounded by the characters it holds (what its entries cost in
 * heap grows with them), least recently used out first. Registered with clearCaches() and
 * cachedChars().
 */
export class TextCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  /** `cost`: the characters an entry stands for (its key's length unless given). */
  constructor(
    private readonly budget: number,
    private readonly cost: (key: string) => number = (key) => key.length,
  ) {
    onClearCaches(
      () => this.clear(),
      () => this.chars,
    );
  }

  /** The entry of `key`, which becomes the most recently used. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Keep `value` under `key`, dropping the least recently used entries beyond the budget. */
  set(key: string, value: V): void {
    if (this.entries.has(key)) {
      this.entries.delete(key);
      this.chars -= this.cost(key);
    }
    this.entries.set(key, value);
    this.chars += this.cost(key);
    for (const [oldest] of this.entries) {
      if (this.chars <= this.budget) {
        break;
      }
      this.entries.delete(oldest);
      this.chars -= this.cost(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}
