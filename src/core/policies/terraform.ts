import type { HclAttribute, HclBlock } from '../parsers/terraform';
import type { AnyRule, RuleMeta } from '../rule';
import type { Fix } from '../types';
import { insertAttributes, referencesIn, replaceValue } from '../rules/terraform/support/report';
import { terraformFileRule, terraformRule } from '../rules/terraform/support/rule';
import type { TfContext } from '../rules/terraform/support/rule';
import { str } from '../rules/terraform/support/values';
import type { BlockInstance, TfModule, TfValue } from '../rules/terraform/support/values';
import type { Adapter, Hit, Leaf, Truth } from './evaluate';
import { evaluate, leafText, splitPath } from './evaluate';
import { moduleSpec } from './modules';
import type { ModuleSpec } from './modules';
import { formatMessage } from './message';
import type { Policy, Scalar } from './types';

type Anchor = HclBlock | HclAttribute;

/** A resource block (or nested block instance), or a module block read through its module's map. */
interface TfSubject {
  mod: TfModule;
  target: HclBlock | BlockInstance;
  /** The block the subject is (a resource, or the module block). */
  block: HclBlock;
  /** Set when the subject is a module block: resource attributes are read from its inputs. */
  spec?: ModuleSpec;
  /** A module-subject policy reads the module's own inputs (with the module's defaults). */
  inputs?: ModuleSpec | 'raw';
}

function toLeaf(v: TfValue): Leaf {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'null':
      return { kind: 'scalar', value: v.value ?? null };
    case 'list':
      return { kind: 'list', items: (v.items ?? []).map(toLeaf) };
    case 'object':
      return { kind: 'object' };
    default:
      return { kind: 'unknown' };
  }
}

function scalarLeaf(v: Scalar): Leaf {
  return { kind: 'scalar', value: v };
}

/** Walk the rest of a path inside an evaluated value (object entries; list items fan out). */
function walkValue(v: TfValue, keys: readonly string[], anchor: Anchor, out: Hit<Anchor>[]): void {
  if (keys.length === 0) {
    out.push({ state: 'value', value: toLeaf(v), anchor });
    return;
  }
  if (v.kind === 'unknown') {
    out.push({ state: 'value', value: { kind: 'unknown' }, anchor });
  } else if (v.kind === 'object') {
    const e = v.entries?.find((x) => x.key === keys[0]);
    if (e) {
      walkValue(e.value, keys.slice(1), anchor, out);
    } else {
      out.push({ state: 'absent', anchor });
    }
  } else if (v.kind === 'list') {
    const items = v.items ?? [];
    if (items.length === 0) {
      out.push({ state: 'absent', anchor });
    }
    for (const i of items) {
      walkValue(i, keys, anchor, out);
    }
  } else if (v.kind === 'null') {
    out.push({ state: 'absent', anchor });
  } else {
    out.push({ state: 'value', value: { kind: 'unknown' }, anchor });
  }
}

/** Walk a path through attributes and nested blocks (static and dynamic) of a block. */
function walkBlock(mod: TfModule, target: HclBlock | BlockInstance, keys: readonly string[], here: HclBlock, out: Hit<Anchor>[]): void {
  const a = mod.attr(target, keys[0]);
  if (a) {
    walkValue(a.value, keys.slice(1), a.attr, out);
    return;
  }
  const nested = mod.nested(target, keys[0]);
  if (nested.length === 0) {
    out.push({ state: 'absent', anchor: here });
    return;
  }
  for (const n of nested) {
    const at = n.dynamic ?? n.block;
    if (keys.length === 1) {
      out.push({ state: 'value', value: { kind: 'object' }, anchor: at });
    } else {
      walkBlock(mod, n, keys.slice(1), at, out);
    }
  }
}

const ADAPTER: Adapter<TfSubject, Anchor> = {
  lookup(s, path) {
    const out: Hit<Anchor>[] = [];
    const spec = s.inputs ?? s.spec;
    if (spec) {
      // a module block: a resource attribute is the module input mapped to it; a module policy names inputs
      const input = s.inputs ? (path[0] ?? '') : s.spec?.inputs[path.join('.')];
      if (input === undefined) {
        return [{ state: 'value', value: { kind: 'unknown' }, anchor: s.block }];
      }
      if (input === null) {
        return [{ state: 'absent', anchor: s.block }];
      }
      const a = s.mod.attr(s.block, input);
      if (a) {
        walkValue(a.value, s.inputs ? path.slice(1) : [], a.attr, out);
        return out;
      }
      const def = spec === 'raw' ? undefined : spec.defaults[input];
      if (def !== undefined && (s.inputs ? path.length === 1 : true)) {
        return [{ state: 'value', value: scalarLeaf(def), anchor: s.block }];
      }
      // an input not passed has the module's default: unknown unless listed (or the policy reads raw inputs)
      return [s.inputs ? { state: 'absent', anchor: s.block } : { state: 'value', value: { kind: 'unknown' }, anchor: s.block }];
    }
    walkBlock(s.mod, s.target, path, s.block, out);
    return out;
  },
  references(s, path, type, test) {
    if (s.spec || s.inputs) {
      return { t: 'unknown' };
    }
    const a = path.length === 1 ? s.mod.attr(s.target, path[0]) : undefined;
    if (!a) {
      return path.length === 1 ? { t: 'no' } : { t: 'unknown' };
    }
    const isData = type.startsWith('data.');
    const bare = isData ? type.slice(5) : type;
    const refs = referencesIn(a.attr.value).filter((p) => (isData ? p[0] === 'data' && p[1] === bare : p[0] === bare));
    if (refs.length === 0) {
      return a.value.kind === 'unknown' ? { t: 'unknown' } : { t: 'no' };
    }
    let unknown = false;
    for (const r of refs) {
      const name = isData ? r[2] : r[1];
      const target = (isData ? s.mod.dataSources(bare) : s.mod.resources(bare)).find((b) => b.labels[1] === name);
      if (!target) {
        unknown = true;
        continue;
      }
      const t = test({ mod: s.mod, target, block: target });
      if (t.t === 'yes') {
        return { t: 'yes', anchor: a.attr };
      }
      unknown ||= t.t === 'unknown';
    }
    return unknown ? { t: 'unknown' } : { t: 'no' };
  },
  items(s, path) {
    if (s.spec || s.inputs) {
      return { items: [], unknown: true };
    }
    let targets: (HclBlock | BlockInstance)[] = [s.target];
    for (const key of path) {
      // an attribute written as a list of objects, or a value computed elsewhere: not walked
      if (targets.some((t) => s.mod.attr(t, key) !== undefined)) {
        return { items: [], unknown: true };
      }
      targets = targets.flatMap((t) => s.mod.nested(t, key));
    }
    const items = targets.map((t) => ({ mod: s.mod, target: t, block: 'block' in t && 'bindings' in t ? (t.dynamic ?? t.block) : t }));
    return { items, unknown: false };
  },
  anchorOf: (s) => s.block,
  specific: (a) => !('labels' in a) || a.type !== 'resource',
};

function literal(v: Scalar): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function fixFor(policy: Policy, ctx: TfContext, s: TfSubject, anchor: Anchor): Fix | undefined {
  const f = policy.fix;
  if (!f || s.spec || s.inputs) {
    return undefined;
  }
  const keys = splitPath(f.path);
  if (keys.length !== 1) {
    return undefined;
  }
  const title = `Set ${keys[0]} = ${literal(f.value)}`;
  if (!('labels' in anchor) && anchor.name === keys[0] && s.block.attributes.includes(anchor)) {
    return replaceValue(anchor, literal(f.value), title, f.safe);
  }
  if (anchor === s.block && !s.block.attributes.some((a) => a.name === keys[0])) {
    return insertAttributes(ctx.mod.modelOf(s.block).index, s.block, [`${keys[0]} = ${literal(f.value)}`], title, f.safe);
  }
  return undefined;
}

function check(policy: Policy, ctx: TfContext, s: TfSubject, display: string, type: string): void {
  if (policy.where && evaluate(policy.where, s, ADAPTER).t !== 'yes') {
    return;
  }
  const t: Truth<Anchor> = evaluate(policy.when, s, ADAPTER);
  if (t.t !== 'yes') {
    return;
  }
  const range = 'labels' in t.anchor ? t.anchor.headerRange : ctx.at(t.anchor);
  const message = formatMessage(policy.message, { name: display, type, value: leafText(t.value) });
  ctx.report(t.anchor, { range, message, fix: fixFor(policy, ctx, s, t.anchor) });
}

/** Run a Terraform policy over a module (the folder's or one file's). */
export function checkTerraformPolicy(policy: Policy, ctx: TfContext): void {
  const subject = policy.subject;
  if (subject.kind !== 'terraform') {
    return;
  }
  const mod = ctx.mod;
  if ('resources' in subject) {
    for (const r of mod.resources(...subject.resources)) {
      check(policy, ctx, { mod, target: r, block: r }, r.labels[1] ?? '', r.labels[0] ?? '');
    }
  }
  for (const m of mod.blocksOf('module')) {
    const source = str(mod.attr(m, 'source')?.value);
    if (source === undefined) {
      continue;
    }
    const spec = moduleSpec(source);
    const display = m.labels[0] ?? '';
    if ('module' in subject) {
      if (spec?.source === subject.module || (!spec && source.replace(/\/\/.*$/, '') === subject.module)) {
        check(policy, ctx, { mod, target: m, block: m, inputs: spec ?? 'raw' }, display, subject.module);
      }
    } else if (spec && subject.resources.some((r) => spec.resources.includes(r))) {
      check(policy, ctx, { mod, target: m, block: m, spec }, display, spec.source);
    }
  }
}

/** A Terraform policy as a rule: a folder rule, or a file rule when it has a quick fix. */
export function terraformPolicyRule(policy: Policy, meta: RuleMeta): AnyRule {
  const def = { id: policy.id, meta, check: (ctx: TfContext) => checkTerraformPolicy(policy, ctx) };
  return (policy.fix ? terraformFileRule(def) : terraformRule(def)) as AnyRule;
}
