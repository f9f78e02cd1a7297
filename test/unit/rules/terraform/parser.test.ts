import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core';
import { parseTerraform } from '../../../../src/core/parsers/terraform';
import type { HclExpr } from '../../../../src/core/parsers/terraform';
import { TfModule } from '../../../../src/core/rules/terraform/support/values';
import { ready } from '../../../helpers/core';

function attrOf(text: string, name: string): HclExpr {
  const model = parseTerraform(text).model;
  assert.ok(model, 'parses');
  const a = model.blocks.flatMap((b) => b.attributes).find((x) => x.name === name);
  assert.ok(a, `attribute ${name}`);
  return a.value;
}

describe('terraform parser model', () => {
  before(ready);

  it('gives traversal paths of references', () => {
    const text = 'locals {\n  a = var.x.y[0]\n  b = each.value["k"]\n  c = aws_instance.web[*].id\n  d = (var.z)\n}\n';
    assert.deepEqual(attrOf(text, 'a').path, ['var', 'x', 'y', '0']);
    assert.deepEqual(attrOf(text, 'b').path, ['each', 'value', 'k']);
    assert.deepEqual(attrOf(text, 'c').path, ['aws_instance', 'web', '*', 'id']);
    assert.deepEqual(attrOf(text, 'd').path, ['var', 'z']);
  });

  it('splits templates into literal parts and interpolations', () => {
    const e = attrOf('locals {\n  t = "arn:${var.p}:s3"\n}\n', 't');
    assert.equal(e.type, 'template');
    assert.equal(e.value, undefined);
    assert.deepEqual(e.parts?.map((p) => ('literal' in p ? p.literal : p.expr.raw)), ['arn:', 'var.p', ':s3']);
  });

  it('keeps heredoc content and its offset', () => {
    const text = 'locals {\n  h = <<-EOT\n    {"a": 1}\n  EOT\n}\n';
    const e = attrOf(text, 'h');
    assert.equal(e.type, 'heredoc');
    assert.equal(e.value, '    {"a": 1}\n');
    assert.equal(text.slice(e.contentStart ?? 0, (e.contentStart ?? 0) + 4), '    ');
  });

  it('marks template directives as not statically known', () => {
    const e = attrOf('locals {\n  d = "%{ if true }x%{ endif }"\n}\n', 'd');
    assert.equal(e.directives, true);
    assert.equal(e.value, undefined);
  });

  it('converts conditionals, operations and for expressions', () => {
    const text = 'locals {\n  c = var.a ? "x" : "y"\n  o = 1 + 2\n  f = [for s in var.l : upper(s)]\n}\n';
    assert.equal(attrOf(text, 'c').type, 'conditional');
    assert.equal(attrOf(text, 'c').args?.length, 3);
    assert.equal(attrOf(text, 'o').type, 'operation');
    assert.equal(attrOf(text, 'f').type, 'for');
  });

  it('evaluates locals, variable defaults, functions and dynamic blocks across files', () => {
    const a = parseTerraform('locals {\n  ports = concat([22], local.more)\n  more  = [var.extra]\n  env   = lookup({ prod = "p" }, "prod", "x")\n}\n').model;
    const b = parseTerraform('variable "extra" {\n  default = 3389\n}\nresource "x" "y" {\n  dynamic "rule" {\n    for_each = local.ports\n    content {\n      port = rule.value\n    }\n  }\n}\n').model;
    assert.ok(a && b);
    const mod = new TfModule([a, b]);
    const ports = mod.evaluate(a.blocks[0].attributes[0].value);
    assert.deepEqual(ports.items?.map((i) => i.value), [22, 3389]);
    assert.equal(mod.evaluate(a.blocks[0].attributes[2].value).value, 'p');
    const res = mod.resources('x')[0];
    assert.deepEqual(mod.nested(res, 'rule').map((r) => mod.attr(r, 'port')?.value.value), [22, 3389]);
    assert.equal(mod.modelOf(res), b);
  });

  it('reports exactly one parse error, at the line of the problem', () => {
    const text = 'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = = "b"\n}\n';
    const findings = analyze('main.tf', text);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line + 1]), [['parse-error', 6]]);
  });

  it('reports an unclosed block once', () => {
    const findings = analyze('main.tf', 'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'parse-error');
  });
});
