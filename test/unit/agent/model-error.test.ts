import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { isModelError, ModelError } from '../../../src/agent/model';

/** The ModelError of another bundle: same shape, different class object (as dist/anthropic.js has). */
class ForeignModelError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

describe('isModelError', () => {
  it('recognises a ModelError from this bundle and from another one, by shape', () => {
    assert.equal(isModelError(new ModelError('auth', 'bad key', 401)), true);
    const foreign = new ForeignModelError('auth', 'The API rejected the API key (401).');
    assert.equal(foreign instanceof ModelError, false);
    assert.equal(isModelError(foreign), true);
  });

  it('rejects other errors and look-alikes without a kind', () => {
    assert.equal(isModelError(new Error('boom')), false);
    const named = new Error('x');
    named.name = 'ModelError';
    assert.equal(isModelError(named), false);
    assert.equal(isModelError({ name: 'ModelError', kind: 'auth', message: 'plain object' }), false);
    assert.equal(isModelError(undefined), false);
  });
});
