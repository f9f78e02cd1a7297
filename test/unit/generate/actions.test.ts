import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { isPinned, uses } from '../../../src/generate/actions';
import { formatGenerated } from '../../../src/cli/commands/generate';

describe('action references', () => {
  it('pins known actions to a full commit SHA with the tag in a trailing comment', () => {
    assert.match(uses('actions/checkout', 'v4'), /^actions\/checkout@[0-9a-f]{40} # v4\.\d+\.\d+$/);
    assert.equal(isPinned('actions/checkout'), true);
  });

  it('falls back to the major tag for an action missing from the table', () => {
    assert.equal(uses('acme/deploy-action', 'v2'), 'acme/deploy-action@v2');
    assert.equal(isPinned('acme/deploy-action'), false);
  });
});

describe('formatGenerated', () => {
  it('prints a single file unchanged and separates several with path headers', () => {
    assert.equal(formatGenerated([{ path: 'a', text: 'x\n' }]), 'x\n');
    assert.equal(formatGenerated([{ path: 'a', text: 'x\n' }, { path: 'b/c', text: 'y\n' }]), '# --- a ---\nx\n\n# --- b/c ---\ny\n');
  });
});
