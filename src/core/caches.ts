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
