/**
 * The core's parse caches (YAML documents and entries, Dockerfile chunks, shell scripts, recent
 * Terraform trees, workflow scripts) register here, so a host can drop them all: the benchmark
 * compares cold runs with other linters that keep nothing between calls.
 */
const clearers: (() => void)[] = [];

/** Register how to empty one cache. */
export function onClearCaches(clear: () => void): void {
  clearers.push(clear);
}

/** Empty every parse cache of the core. */
export function clearCaches(): void {
  for (const clear of clearers) {
    clear();
  }
}
