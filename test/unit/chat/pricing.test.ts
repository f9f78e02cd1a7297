import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateCost } from '../../../src/agent/pricing';
import { formatCost } from '../../../src/shared/cost';
import { transcriptMarkdown } from '../../../src/shared/transcript';

describe('chat: estimated cost of an answer', () => {
  it('prices input and output tokens at the model family\'s list price', () => {
    // 10,000 in at $3/M + 2,000 out at $15/M
    assert.equal(estimateCost('claude-sonnet-4-5-20250929', { input_tokens: 10_000, output_tokens: 2_000 })?.toFixed(4), '0.0600');
    // Opus 4.5 is priced below the older Opus models
    assert.equal(estimateCost('claude-opus-4-5', { input_tokens: 1_000_000, output_tokens: 0 }), 5);
    assert.equal(estimateCost('claude-opus-4-1-20250805', { input_tokens: 1_000_000, output_tokens: 0 }), 15);
    assert.equal(estimateCost('claude-haiku-4-5', { input_tokens: 0, output_tokens: 1_000_000 }), 5);
    assert.equal(estimateCost('claude-3-5-haiku-latest', { input_tokens: 1_000_000, output_tokens: 0 }), 0.8);
  });

  it('counts cache writes at 1.25× and cache reads at 0.1× the input price', () => {
    const cost = estimateCost('claude-sonnet-4', { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 1_000_000, cache_read_input_tokens: 1_000_000 });
    assert.equal(cost?.toFixed(2), (3 * 1.25 + 3 * 0.1).toFixed(2));
  });

  it('has no estimate for a model it does not know (a proxy may serve anything)', () => {
    assert.equal(estimateCost('claude-test', { input_tokens: 100, output_tokens: 100 }), undefined);
    assert.equal(estimateCost('llama-3-70b', { input_tokens: 100, output_tokens: 100 }), undefined);
  });

  it('formats costs for people', () => {
    assert.equal(formatCost(0.0042123), '$0.0042');
    assert.equal(formatCost(0.013), '$0.013');
    assert.equal(formatCost(1.274), '$1.27');
    assert.equal(formatCost(0.00002), '<$0.0001');
    assert.equal(formatCost(0), '$0');
  });

  it('the Markdown export shows the estimate beside the tokens', () => {
    const md = transcriptMarkdown([{ kind: 'user', text: 'hi' }, { kind: 'assistant', text: 'hello', model: 'claude-sonnet-4-5', usage: { input: 1200, output: 80, cost: 0.0048 } }], '2026-12-06 01:00 UTC');
    assert.match(md, /claude-sonnet-4-5 · 1200 in · 80 out tokens · ≈ \$0\.0048/);
  });
});
