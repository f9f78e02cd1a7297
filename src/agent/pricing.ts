import type { Usage } from './types';

/**
 * Estimated cost of a model call from its token counts, at the public list prices per million
 * tokens of Anthropic's models (prompt caching: a cache write costs 1.25× the input price, a cache
 * read 0.1×). A model not in the table has no estimate: a custom endpoint may serve anything.
 */
interface Price {
  test: RegExp;
  /** US dollars per million input tokens. */
  input: number;
  /** US dollars per million output tokens. */
  output: number;
}

/** First match wins: the more specific ids first. */
const PRICES: readonly Price[] = [
  { test: /opus-4-[5-9]/i, input: 5, output: 25 },
  { test: /opus/i, input: 15, output: 75 },
  { test: /sonnet/i, input: 3, output: 15 },
  { test: /haiku-4/i, input: 1, output: 5 },
  { test: /3-5-haiku|haiku-3-5/i, input: 0.8, output: 4 },
  { test: /3-haiku|haiku-3/i, input: 0.25, output: 1.25 },
];

const CACHE_WRITE = 1.25;
const CACHE_READ = 0.1;

/** The estimated cost in US dollars, or undefined for a model without a known price. */
export function estimateCost(modelId: string, usage: Partial<Usage>): number | undefined {
  const price = PRICES.find((p) => p.test.test(modelId));
  if (!price) {
    return undefined;
  }
  const perToken = price.input / 1_000_000;
  return (
    (usage.input_tokens ?? 0) * perToken +
    (usage.cache_creation_input_tokens ?? 0) * perToken * CACHE_WRITE +
    (usage.cache_read_input_tokens ?? 0) * perToken * CACHE_READ +
    ((usage.output_tokens ?? 0) * price.output) / 1_000_000
  );
}
