import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { KeptOn, perObject } from '../../../src/core/memo';

/**
 * KeptOn stands in for the WeakMaps that cache what rules compute from a parsed file: the same
 * get/set/has, the value held by its key (a hidden property), so it goes when the key goes.
 */
describe('KeptOn', () => {
  it('answers get, set and has as a WeakMap does', () => {
    const kept = new KeptOn<object, number | undefined>();
    const a = {};
    const b = { x: 1 };
    assert.equal(kept.has(a), false);
    assert.equal(kept.get(a), undefined);
    kept.set(a, 1).set(b, 2);
    assert.equal(kept.get(a), 1);
    assert.equal(kept.get(b), 2);
    kept.set(a, 3);
    assert.equal(kept.get(a), 3);
    // an undefined value is still a value
    kept.set(b, undefined);
    assert.equal(kept.has(b), true);
    assert.equal(kept.get(b), undefined);
  });

  it('keeps two caches on one key apart', () => {
    const first = new KeptOn<object, string>();
    const second = new KeptOn<object, string>();
    const key = {};
    first.set(key, 'first');
    assert.equal(second.has(key), false);
    second.set(key, 'second');
    assert.equal(first.get(key), 'first');
    assert.equal(second.get(key), 'second');
  });

  it('leaves the key as it was to anyone who looks at its own properties', () => {
    const kept = new KeptOn<object, number[]>();
    const key = { kind: 'dockerfile', lines: [1, 2] };
    kept.set(key, [1]);
    assert.deepStrictEqual(key, { kind: 'dockerfile', lines: [1, 2] });
    assert.deepEqual(Object.keys(key), ['kind', 'lines']);
    assert.equal(JSON.stringify(key), '{"kind":"dockerfile","lines":[1,2]}');
  });

  it('falls back to a WeakMap for a key that cannot take a property', () => {
    const kept = new KeptOn<object, string>();
    const frozen = Object.freeze({ a: 1 });
    const sealed = Object.seal({ b: 2 });
    kept.set(frozen, 'frozen').set(sealed, 'sealed');
    assert.equal(kept.get(frozen), 'frozen');
    assert.equal(kept.has(sealed), true);
    assert.equal(kept.get(sealed), 'sealed');
    assert.equal(kept.has({}), false);
  });

  it('gives a copy of the key (its descriptors copied, as yaml clone() does) or an heir of it none of the key\'s answers', () => {
    const kept = new KeptOn<object, string>();
    const key = { a: 1 };
    kept.set(key, 'original');
    const copy = Object.create(Object.getPrototypeOf(key) as object, Object.getOwnPropertyDescriptors(key)) as object;
    assert.equal(kept.has(copy), false);
    assert.equal(kept.get(copy), undefined);
    kept.set(copy, 'copy');
    assert.equal(kept.get(copy), 'copy');
    assert.equal(kept.get(key), 'original');
    const heir = Object.create(key) as object;
    assert.equal(kept.has(heir), false);
    kept.set(heir, 'heir');
    assert.equal(kept.get(heir), 'heir');
    assert.equal(kept.get(key), 'original');
  });

  it('takes a new value for a key frozen after its first one', () => {
    const kept = new KeptOn<object, number>();
    const key = { a: 1 };
    kept.set(key, 1);
    Object.freeze(key);
    kept.set(key, 2);
    assert.equal(kept.get(key), 2);
    assert.equal(kept.has(key), true);
  });

  it('backs perObject: each object answered once, an undefined answer kept too, a copy of the object asked afresh', () => {
    const asked: object[] = [];
    const answer = perObject((key: { n: number }) => {
      asked.push(key);
      return key.n > 0 ? key.n * 2 : undefined;
    });
    const one = { n: 1 };
    const none = { n: 0 };
    assert.equal(answer(one), 2);
    assert.equal(answer(one), 2);
    assert.equal(answer(none), undefined);
    assert.equal(answer(none), undefined);
    assert.equal(asked.length, 2);
    const copy = Object.create(Object.prototype, Object.getOwnPropertyDescriptors(one)) as { n: number };
    assert.equal(answer(copy), 2);
    assert.equal(asked.length, 3);
    const frozen = Object.freeze({ n: 3 });
    assert.equal(answer(frozen), 6);
    assert.equal(answer(frozen), 6);
    assert.equal(asked.length, 4);
  });
});
