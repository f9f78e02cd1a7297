import type { HclAttribute, HclBlock, HclExpr, TerraformModel } from '../../../parsers/terraform';
import type { Range } from '../../../types';
import { KeptOn } from '../../../memo';

/**
 * A Terraform value as far as it can be known statically, with the place it is written.
 * `unknown` stands for anything computed at plan time (resource attributes, unset variables,
 * functions we do not evaluate): rules stay silent on unknown values.
 */
export interface TfValue {
  kind: 'string' | 'number' | 'bool' | 'null' | 'list' | 'object' | 'unknown';
  value?: string | number | boolean | null;
  items?: TfValue[];
  entries?: TfEntry[];
  /** Where the value is written (a reference resolves to the range of its definition). */
  range: Range;
  /** The value came out of `jsonencode(…)`: a structured document rather than a string. */
  encoded?: boolean;
}

/** One entry of an object value. */
export interface TfEntry {
  key: string;
  keyRange: Range;
  value: TfValue;
}

/** Values bound to iterator names (`ingress.value` inside a dynamic block, `each.value`). */
export type Bindings = ReadonlyMap<string, { key: TfValue; value: TfValue }>;

/** A nested block as the resource will have it: static, or one instance of a `dynamic` block. */
export interface BlockInstance {
  block: HclBlock;
  bindings: Bindings;
  /** The `dynamic "type"` block this instance comes from, if any. */
  dynamic?: HclBlock;
}

const NO_BINDINGS: Bindings = new Map();
const MAX_DEPTH = 24;

/** A string value, when known. */
export function str(v: TfValue | undefined): string | undefined {
  return v && v.kind === 'string' && typeof v.value === 'string' ? v.value : undefined;
}

/** A number value (numbers and numeric strings), when known. */
export function num(v: TfValue | undefined): number | undefined {
  if (!v) {
    return undefined;
  }
  if (v.kind === 'number' && typeof v.value === 'number') {
    return v.value;
  }
  if (v.kind === 'string' && typeof v.value === 'string' && /^-?\d+$/.test(v.value.trim())) {
    return Number(v.value);
  }
  return undefined;
}

/** A boolean value (true/false and their strings), when known. */
export function bool(v: TfValue | undefined): boolean | undefined {
  if (!v) {
    return undefined;
  }
  if (v.kind === 'bool' && typeof v.value === 'boolean') {
    return v.value;
  }
  if (v.kind === 'string' && (v.value === 'true' || v.value === 'false')) {
    return v.value === 'true';
  }
  return undefined;
}

/** Items of a list, or the single value itself when a string stands where a list may be. */
export function listOf(v: TfValue | undefined): TfValue[] | undefined {
  if (!v) {
    return undefined;
  }
  if (v.kind === 'list') {
    return v.items ?? [];
  }
  if (v.kind === 'string') {
    return [v];
  }
  return undefined;
}

/** The entry `key` of an object value. */
export function entry(v: TfValue | undefined, key: string): TfEntry | undefined {
  return v?.kind === 'object' ? v.entries?.find((e) => e.key === key) : undefined;
}

/** Whether an object value has the key, case-insensitively (IAM keys are case-insensitive). */
export function entryCi(v: TfValue | undefined, key: string): TfEntry | undefined {
  const k = key.toLowerCase();
  return v?.kind === 'object' ? v.entries?.find((e) => e.key.toLowerCase() === k) : undefined;
}

function unknown(range: Range): TfValue {
  return { kind: 'unknown', range };
}

/**
 * The blocks and definitions of one module (one file for file rules, a folder for folder rules)
 * and a small evaluator over them: literals, locals, variable defaults, dynamic blocks and a few
 * pure functions. Anything else evaluates to `unknown`.
 */
export class TfModule {
  readonly blocks: HclBlock[];
  private readonly locals = new Map<string, HclAttribute>();
  private readonly variables = new Map<string, HclBlock>();
  private readonly owners = new Map<HclBlock | HclAttribute, TerraformModel>();

  constructor(readonly models: readonly TerraformModel[]) {
    this.blocks = models.flatMap((m) => m.blocks);
    const own = (m: TerraformModel, b: HclBlock): void => {
      this.owners.set(b, m);
      for (const a of b.attributes) {
        this.owners.set(a, m);
      }
      for (const c of b.blocks) {
        own(m, c);
      }
    };
    for (const m of models) {
      for (const b of m.blocks) {
        own(m, b);
      }
    }
    for (const b of this.blocks) {
      if (b.type === 'locals') {
        for (const a of b.attributes) {
          this.locals.set(a.name, a);
        }
      } else if (b.type === 'variable' && b.labels[0]) {
        this.variables.set(b.labels[0], b);
      }
    }
  }

  /** The file (model) a block or attribute is written in. */
  modelOf(node: HclBlock | HclAttribute): TerraformModel {
    return this.owners.get(node) ?? this.models[0];
  }

  /** The `locals` entry of a name. */
  local(name: string): HclAttribute | undefined {
    return this.locals.get(name);
  }

  /** Top-level `resource` blocks, optionally of some types only. */
  resources(...types: string[]): HclBlock[] {
    return this.blocks.filter((b) => b.type === 'resource' && (types.length === 0 || types.includes(b.labels[0] ?? '')));
  }

  /** Top-level `data` blocks of a type. */
  dataSources(type: string): HclBlock[] {
    return this.blocks.filter((b) => b.type === 'data' && b.labels[0] === type);
  }

  /** Top-level blocks of a block type (`provider`, `terraform`, `output`, …). */
  blocksOf(type: string): HclBlock[] {
    return this.blocks.filter((b) => b.type === type);
  }

  /** A `variable` block by name. */
  variable(name: string): HclBlock | undefined {
    return this.variables.get(name);
  }

  /** The attribute `name` of a block (or block instance) with its evaluated value. */
  attr(target: HclBlock | BlockInstance, name: string): { attr: HclAttribute; value: TfValue } | undefined {
    const inst = 'block' in target && 'bindings' in target ? target : { block: target, bindings: NO_BINDINGS };
    const a = inst.block.attributes.find((x) => x.name === name);
    if (!a) {
      return undefined;
    }
    return { attr: a, value: this.evaluate(a.value, inst.bindings) };
  }

  /**
   * Nested blocks of a type, static ones and the instances of `dynamic "type"` blocks. A dynamic
   * block whose `for_each` is known gives one instance per element (with the iterator bound);
   * otherwise one instance whose iterator values are unknown.
   */
  nested(target: HclBlock | BlockInstance, type: string): BlockInstance[] {
    const inst = 'block' in target && 'bindings' in target ? target : { block: target, bindings: NO_BINDINGS };
    const out: BlockInstance[] = [];
    for (const b of inst.block.blocks) {
      if (b.type === type) {
        out.push({ block: b, bindings: inst.bindings });
      } else if (b.type === 'dynamic' && b.labels[0] === type) {
        const content = b.blocks.find((c) => c.type === 'content');
        if (!content) {
          continue;
        }
        const iterAttr = b.attributes.find((a) => a.name === 'iterator');
        const iterator = iterAttr?.value.type === 'reference' && iterAttr.value.path ? iterAttr.value.path[0] : type;
        const forEachAttr = b.attributes.find((a) => a.name === 'for_each');
        const forEach = forEachAttr ? this.evaluate(forEachAttr.value, inst.bindings) : unknown(b.headerRange);
        const elements: { key: TfValue; value: TfValue }[] = [];
        if (forEach.kind === 'list') {
          (forEach.items ?? []).forEach((v, i) => elements.push({ key: { kind: 'number', value: i, range: v.range }, value: v }));
        } else if (forEach.kind === 'object') {
          for (const e of forEach.entries ?? []) {
            elements.push({ key: { kind: 'string', value: e.key, range: e.keyRange }, value: e.value });
          }
        } else {
          elements.push({ key: unknown(b.headerRange), value: unknown(b.headerRange) });
        }
        for (const el of elements) {
          const bindings = new Map(inst.bindings);
          bindings.set(iterator, el);
          out.push({ block: content, bindings, dynamic: b });
        }
      }
    }
    return out;
  }

  /** Evaluate an expression as far as it can be known statically. */
  evaluate(expr: HclExpr, bindings: Bindings = NO_BINDINGS, depth = 0): TfValue {
    const range = expr.range;
    if (depth > MAX_DEPTH) {
      return unknown(range);
    }
    switch (expr.type) {
      case 'string':
        return { kind: 'string', value: expr.value as string, range };
      case 'number':
        return { kind: 'number', value: expr.value as number, range };
      case 'bool':
        return { kind: 'bool', value: expr.value as boolean, range };
      case 'null':
        return { kind: 'null', value: null, range };
      case 'template':
      case 'heredoc': {
        if (typeof expr.value === 'string') {
          return { kind: 'string', value: expr.value, range };
        }
        if (expr.directives || !expr.parts) {
          return unknown(range);
        }
        let out = '';
        for (const p of expr.parts) {
          if ('literal' in p) {
            out += p.literal;
            continue;
          }
          const v = this.evaluate(p.expr, bindings, depth + 1);
          if (v.kind === 'string' || v.kind === 'number' || v.kind === 'bool') {
            out += String(v.value);
          } else {
            return unknown(range);
          }
        }
        return { kind: 'string', value: out, range };
      }
      case 'tuple':
        return { kind: 'list', items: (expr.items ?? []).map((i) => this.evaluate(i, bindings, depth + 1)), range };
      case 'object':
        return { kind: 'object', entries: (expr.entries ?? []).map((e) => ({ key: e.key, keyRange: e.keyRange, value: this.evaluate(e.value, bindings, depth + 1) })), range };
      case 'reference':
        return this.resolveReference(expr, bindings, depth);
      case 'conditional': {
        const [cond, a, b] = expr.args ?? [];
        if (!cond || !a || !b) {
          return unknown(range);
        }
        const c = bool(this.evaluate(cond, bindings, depth + 1));
        if (c === undefined) {
          return unknown(range);
        }
        return this.evaluate(c ? a : b, bindings, depth + 1);
      }
      case 'function':
        return this.call(expr, bindings, depth);
      default:
        return unknown(range);
    }
  }

  private resolveReference(expr: HclExpr, bindings: Bindings, depth: number): TfValue {
    const path = expr.path ?? [];
    let base: TfValue | undefined;
    let rest: string[] = [];
    const bound = bindings.get(path[0] ?? '');
    if (bound && (path[1] === 'value' || path[1] === 'key')) {
      base = path[1] === 'value' ? bound.value : bound.key;
      rest = path.slice(2);
    } else if (path[0] === 'local' && path[1]) {
      const a = this.locals.get(path[1]);
      base = a ? this.evaluate(a.value, NO_BINDINGS, depth + 1) : undefined;
      rest = path.slice(2);
    } else if (path[0] === 'var' && path[1]) {
      const v = this.variables.get(path[1]);
      const def = v?.attributes.find((a) => a.name === 'default');
      base = def ? this.evaluate(def.value, NO_BINDINGS, depth + 1) : undefined;
      rest = path.slice(2);
    }
    if (!base) {
      return unknown(expr.range);
    }
    let v: TfValue = base;
    for (const step of rest) {
      if (v.kind === 'object') {
        const e = v.entries?.find((x) => x.key === step);
        if (!e) {
          return unknown(expr.range);
        }
        v = e.value;
      } else if (v.kind === 'list' && /^\d+$/.test(step)) {
        const item = v.items?.[Number(step)];
        if (!item) {
          return unknown(expr.range);
        }
        v = item;
      } else {
        return unknown(expr.range);
      }
    }
    return v;
  }

  private call(expr: HclExpr, bindings: Bindings, depth: number): TfValue {
    const range = expr.range;
    const args = (expr.args ?? []).map((a) => this.evaluate(a, bindings, depth + 1));
    const fn = expr.fn ?? '';
    switch (fn) {
      case 'jsonencode':
        return args[0] ? { ...args[0], encoded: true } : unknown(range);
      case 'tolist':
      case 'toset':
      case 'distinct':
      case 'tostring':
      case 'tonumber':
      case 'tobool':
      case 'tomap':
      case 'sensitive':
      case 'nonsensitive':
        return args[0] ?? unknown(range);
      case 'lower':
      case 'upper': {
        const s = str(args[0]);
        return s === undefined ? unknown(range) : { kind: 'string', value: fn === 'lower' ? s.toLowerCase() : s.toUpperCase(), range };
      }
      case 'concat':
      case 'flatten': {
        const items: TfValue[] = [];
        const pending = fn === 'concat' ? args : args.flatMap((a) => (a.kind === 'list' ? (a.items ?? []) : [a]));
        for (const a of pending) {
          if (a.kind === 'list') {
            items.push(...(fn === 'flatten' ? (a.items ?? []).flatMap((i) => (i.kind === 'list' ? (i.items ?? []) : [i])) : (a.items ?? [])));
          } else if (fn === 'flatten' && a.kind !== 'unknown') {
            items.push(a);
          } else {
            return unknown(range);
          }
        }
        return { kind: 'list', items, range };
      }
      case 'compact': {
        const l = args[0];
        return l?.kind === 'list' ? { kind: 'list', items: (l.items ?? []).filter((i) => !(i.kind === 'null' || (i.kind === 'string' && i.value === ''))), range } : unknown(range);
      }
      case 'merge': {
        const entries = new Map<string, TfEntry>();
        for (const a of args) {
          if (a.kind !== 'object') {
            return unknown(range);
          }
          for (const e of a.entries ?? []) {
            entries.set(e.key, e);
          }
        }
        return { kind: 'object', entries: [...entries.values()], range };
      }
      case 'try':
      case 'coalesce': {
        for (const a of args) {
          if (a.kind === 'unknown') {
            return unknown(range);
          }
          if (a.kind !== 'null' && !(fn === 'coalesce' && a.kind === 'string' && a.value === '')) {
            return a;
          }
        }
        return unknown(range);
      }
      case 'lookup': {
        const [map, key, def] = args;
        const k = str(key);
        if (map?.kind === 'object' && k !== undefined) {
          const e = map.entries?.find((x) => x.key === k);
          if (e) {
            return e.value;
          }
          return def ?? unknown(range);
        }
        return unknown(range);
      }
      default:
        return unknown(range);
    }
  }
}

const cache = new KeptOn<TerraformModel, TfModule>();

/** The module view of a single parsed file (cached: every rule of the file shares it). */
export function moduleOf(model: TerraformModel): TfModule {
  let m = cache.get(model);
  if (!m) {
    m = new TfModule([model]);
    cache.set(model, m);
  }
  return m;
}
