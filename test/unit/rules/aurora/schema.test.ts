import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { repoRoot } from '../../../helpers/core';
import { DEVOPS_KEYS, LEVELS, PERMISSION_KEYS, TOOLS, TOP_KEYS } from '../../../../src/core/rules/aurora/config';

/** The subset of draft-07 that schemas/aurora.schema.json uses. */
interface Schema {
  description?: string;
  type?: 'object' | 'array' | 'string' | 'number';
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  items?: Schema;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  uniqueItems?: boolean;
}

const root = repoRoot();
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'aurora.schema.json'), 'utf8')) as Schema;

/** Validate a value; returns the problems as "path: reason". */
function validate(value: unknown, s: Schema, at = '$'): string[] {
  const out: string[] = [];
  if (s.type === 'object') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return [`${at}: expected an object`];
    }
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (s.propertyNames?.pattern && !new RegExp(s.propertyNames.pattern).test(key)) {
        out.push(`${at}.${key}: name does not match ${s.propertyNames.pattern}`);
      }
      const sub = s.properties?.[key];
      if (sub) {
        out.push(...validate(v, sub, `${at}.${key}`));
      } else if (s.additionalProperties === false) {
        out.push(`${at}.${key}: not allowed`);
      } else if (typeof s.additionalProperties === 'object') {
        out.push(...validate(v, s.additionalProperties, `${at}.${key}`));
      }
    }
  } else if (s.type === 'array') {
    if (!Array.isArray(value)) {
      return [`${at}: expected an array`];
    }
    if (s.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
      out.push(`${at}: duplicate items`);
    }
    value.forEach((v, i) => out.push(...(s.items ? validate(v, s.items, `${at}[${i}]`) : [])));
  } else if (s.type === 'string') {
    if (typeof value !== 'string') {
      return [`${at}: expected a string`];
    }
    if (s.pattern && !new RegExp(s.pattern).test(value)) {
      out.push(`${at}: does not match ${s.pattern}`);
    }
    if (s.minLength !== undefined && value.length < s.minLength) {
      out.push(`${at}: too short`);
    }
  } else if (s.type === 'number') {
    if (typeof value !== 'number') {
      return [`${at}: expected a number`];
    }
    if ((s.minimum !== undefined && value < s.minimum) || (s.maximum !== undefined && value > s.maximum)) {
      out.push(`${at}: out of range`);
    }
  }
  if (s.enum && !s.enum.includes(value)) {
    out.push(`${at}: not one of ${s.enum.join(', ')}`);
  }
  return out;
}

/** Every subschema, with its path. */
function subschemas(s: Schema, at = '$'): { at: string; s: Schema }[] {
  const out = [{ at, s }];
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    out.push(...subschemas(v, `${at}.${k}`));
  }
  if (s.items) {
    out.push(...subschemas(s.items, `${at}[]`));
  }
  if (typeof s.additionalProperties === 'object') {
    out.push(...subschemas(s.additionalProperties, `${at}.*`));
  }
  if (s.propertyNames) {
    out.push({ at: `${at}(name)`, s: s.propertyNames });
  }
  return out;
}

function example(page: string, heading: string): string {
  const at = page.indexOf(`\n## ${heading}\n`);
  const m = /```[^\n]*\n([\s\S]*?)```/.exec(page.slice(at));
  assert.ok(at >= 0 && m, `no ${heading} example`);
  return m[1];
}

const docsDir = path.join(root, 'docs', 'rules', 'aurora');
const pages = fs.readdirSync(docsDir).filter((f) => f.endsWith('.md'));
const okFiles = fs
  .readdirSync(path.join(root, 'test', 'fixtures', 'ok'))
  .filter((d) => d.startsWith('aurora-'))
  .map((d) => path.join(root, 'test', 'fixtures', 'ok', d, 'aurora.yaml'));

describe('schemas/aurora.schema.json', () => {
  it('is draft-07 and describes every property', () => {
    assert.equal((schema as { $schema?: string }).$schema, 'http://json-schema.org/draft-07/schema#');
    for (const { at, s } of subschemas(schema)) {
      assert.ok(s.description && s.description.length > 10, `${at} has no description`);
    }
  });

  it('lists the same keys, tools and levels as the rules', () => {
    const devops = schema.properties?.agents.properties?.devops;
    assert.deepEqual(Object.keys(schema.properties ?? {}), [...TOP_KEYS]);
    assert.deepEqual(Object.keys(devops?.properties ?? {}), [...DEVOPS_KEYS]);
    assert.deepEqual(Object.keys(devops?.properties?.permissions.properties ?? {}), [...PERMISSION_KEYS]);
    assert.deepEqual(devops?.properties?.tools.items?.enum, [...TOOLS]);
    assert.deepEqual((schema.properties?.rules.additionalProperties as Schema).enum, [...LEVELS]);
  });

  for (const page of pages) {
    it(`accepts the Good example of docs/rules/aurora/${page}`, () => {
      const text = fs.readFileSync(path.join(docsDir, page), 'utf8');
      assert.deepEqual(validate(parse(example(text, 'Good')), schema), []);
    });
  }

  // the schema is not vacuous: shape problems the rules report are schema errors too
  for (const page of ['unknown-key.md', 'unknown-tool.md', 'invalid-temperature.md', 'invalid-model.md', 'invalid-rule-level.md', 'wrong-type.md', 'invalid-network-host.md', 'invalid-exclude.md']) {
    it(`rejects the Bad example of docs/rules/aurora/${page}`, () => {
      const text = fs.readFileSync(path.join(docsDir, page), 'utf8');
      assert.notDeepEqual(validate(parse(example(text, 'Bad')), schema), []);
    });
  }

  for (const file of [...okFiles, path.join(root, 'examples', 'aurora.yaml')]) {
    it(`accepts ${path.relative(root, file)}`, () => {
      assert.deepEqual(validate(parse(fs.readFileSync(file, 'utf8')), schema), []);
    });
  }

  it('the checker itself rejects what it must', () => {
    assert.deepEqual(validate({ agents: { devops: { tools: ['bash'] } } }, schema), ['$.agents.devops.tools[0]: not one of run_shell_command, read_file, write_file']);
    assert.deepEqual(validate({ rules: { 'x/y': 'loud' } }, schema), ['$.rules.x/y: not one of off, info, warning, error']);
    assert.deepEqual(validate({ agents: { other: { anything: 1 } } }, schema), []);
  });
});
