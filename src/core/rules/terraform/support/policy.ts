import type { HclAttribute, HclBlock, HclExpr } from '../../../parsers/terraform';
import type { Range } from '../../../types';
import { HOLE, parseLocatedJson } from './json';
import type { BlockInstance, TfValue } from './values';
import { entryCi, listOf, str, TfModule } from './values';

/** One IAM policy statement, from JSON (jsonencode, heredoc, string) or an aws_iam_policy_document. */
export interface PolicyStatement {
  effect: 'Allow' | 'Deny' | 'unknown';
  /** Action / actions values (unknown items kept as unknown). Undefined when the key is absent. */
  actions?: TfValue[];
  actionsRange?: Range;
  resources?: TfValue[];
  resourcesRange?: Range;
  /** Principal identifiers by type ('*' for `"Principal": "*"`). */
  principals: { type: string; id: TfValue }[];
  principalRange?: Range;
  /** Whether the statement has a Condition (or condition blocks). */
  hasCondition: boolean;
  /** The condition keys (`aws:SourceVpce`…), lower-cased; undefined when they cannot be known. */
  conditionKeys?: string[];
  range: Range;
}

/** Where a policy document comes from. */
export interface PolicyDocument {
  statements: PolicyStatement[];
  /** The data source the document was read from, when it came through `data.aws_iam_policy_document.x.json`. */
  dataSource?: HclBlock;
  /** Where the statements are written (the attribute, the local or variable it refers to, or the data source). */
  anchor: HclBlock | HclAttribute;
}

/** Statements of a JSON-shaped policy value. */
export function statementsOfValue(doc: TfValue): PolicyStatement[] | undefined {
  if (doc.kind !== 'object') {
    return undefined;
  }
  const st = entryCi(doc, 'Statement');
  if (!st) {
    return [];
  }
  const list = st.value.kind === 'list' ? (st.value.items ?? []) : [st.value];
  const out: PolicyStatement[] = [];
  for (const s of list) {
    if (s.kind !== 'object') {
      continue;
    }
    const effect = str(entryCi(s, 'Effect')?.value);
    const action = entryCi(s, 'Action');
    const resource = entryCi(s, 'Resource');
    const principal = entryCi(s, 'Principal');
    const principals: { type: string; id: TfValue }[] = [];
    if (principal) {
      if (principal.value.kind === 'string') {
        principals.push({ type: '*', id: principal.value });
      } else if (principal.value.kind === 'object') {
        for (const e of principal.value.entries ?? []) {
          for (const id of listOf(e.value) ?? [e.value]) {
            principals.push({ type: e.key, id });
          }
        }
      } else {
        principals.push({ type: 'unknown', id: principal.value });
      }
    }
    out.push({
      effect: effect === undefined ? (entryCi(s, 'Effect') ? 'unknown' : 'Allow') : effect.toLowerCase() === 'deny' ? 'Deny' : effect.toLowerCase() === 'allow' ? 'Allow' : 'unknown',
      actions: action ? (listOf(action.value) ?? [action.value]) : undefined,
      actionsRange: action?.keyRange,
      resources: resource ? (listOf(resource.value) ?? [resource.value]) : undefined,
      resourcesRange: resource?.keyRange,
      principals,
      principalRange: principal?.keyRange,
      hasCondition: !!entryCi(s, 'Condition'),
      conditionKeys: jsonConditionKeys(entryCi(s, 'Condition')?.value),
      range: s.range,
    });
  }
  return out;
}

/** Keys of a JSON Condition (`{StringEquals: {"aws:SourceVpce": …}}`), or undefined when not known. */
function jsonConditionKeys(cond: TfValue | undefined): string[] | undefined {
  if (!cond) {
    return [];
  }
  if (cond.kind !== 'object') {
    return undefined;
  }
  const keys: string[] = [];
  for (const op of cond.entries ?? []) {
    if (op.value.kind !== 'object') {
      return undefined;
    }
    keys.push(...(op.value.entries ?? []).map((e) => e.key.toLowerCase()));
  }
  return keys;
}

/** Keys of the condition blocks of a policy document statement, or undefined when not known. */
function blockConditionKeys(mod: TfModule, st: BlockInstance): string[] | undefined {
  const keys: string[] = [];
  for (const c of mod.nested(st, 'condition')) {
    const v = str(mod.attr(c, 'variable')?.value);
    if (v === undefined) {
      return undefined;
    }
    keys.push(v.toLowerCase());
  }
  return keys;
}

/**
 * Condition keys that say nothing about who the caller is: a statement for Principal "*"
 * conditioned only on them is still open to anyone (`aws:Referer` is sent by the client).
 */
const NOT_ABOUT_CALLER = [
  'aws:securetransport', 'aws:referer', 'aws:useragent', 'aws:currenttime', 'aws:epochtime', 'aws:requestedregion',
  's3:x-amz-acl', 's3:x-amz-server-side-encryption', 's3:x-amz-server-side-encryption-aws-kms-key-id', 's3:signatureversion',
  's3:tlsversion', 's3:x-amz-content-sha256', 's3:prefix', 's3:delimiter', 's3:max-keys', 's3:versionid', 's3:authtype',
];

/**
 * Whether a statement's condition may restrict who can use it: some condition key is about the
 * caller or its network (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn…), or the keys are not
 * known. Conditions only on transport, referer or request headers restrict nobody.
 */
export function conditionMayRestrictCaller(st: PolicyStatement): boolean {
  if (!st.hasCondition) {
    return false;
  }
  const keys = st.conditionKeys;
  return keys === undefined || keys.some((k) => !NOT_ABOUT_CALLER.includes(k) && !k.startsWith('s3:requestobjecttag') && !k.startsWith('s3:existingobjecttag'));
}

/** Statements of an `aws_iam_policy_document` data source (static and dynamic statement blocks). */
export function statementsOfDataSource(mod: TfModule, data: HclBlock): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  for (const st of mod.nested(data, 'statement')) {
    const effect = str(mod.attr(st, 'effect')?.value);
    const actions = mod.attr(st, 'actions');
    const resources = mod.attr(st, 'resources');
    const principals: { type: string; id: TfValue }[] = [];
    let principalRange: Range | undefined;
    for (const p of mod.nested(st, 'principals')) {
      const type = str(mod.attr(p, 'type')?.value) ?? 'unknown';
      const ids = mod.attr(p, 'identifiers');
      principalRange ??= ids ? ids.attr.nameRange : p.block.headerRange;
      for (const id of listOf(ids?.value) ?? (ids ? [ids.value] : [])) {
        principals.push({ type, id });
      }
    }
    out.push({
      effect: effect === undefined ? (mod.attr(st, 'effect') ? 'unknown' : 'Allow') : effect === 'Deny' ? 'Deny' : effect === 'Allow' ? 'Allow' : 'unknown',
      actions: actions ? (listOf(actions.value) ?? [actions.value]) : undefined,
      actionsRange: actions?.attr.nameRange,
      resources: resources ? (listOf(resources.value) ?? [resources.value]) : undefined,
      resourcesRange: resources?.attr.nameRange,
      principals,
      principalRange,
      hasCondition: mod.nested(st, 'condition').length > 0,
      conditionKeys: blockConditionKeys(mod, st),
      range: st.block.headerRange,
    });
  }
  return out;
}

/** Follow `local.x` / `var.x` to the attribute that defines it (a few steps at most). */
function follow(mod: TfModule, start: HclAttribute): HclAttribute {
  let a = start;
  for (let i = 0; i < 8 && a.value.type === 'reference' && a.value.path && a.value.path.length === 2; i++) {
    const [root, name] = a.value.path;
    let next: HclAttribute | undefined;
    if (root === 'local') {
      next = mod.local(name);
    } else if (root === 'var') {
      next = mod.variable(name)?.attributes.find((x) => x.name === 'default');
    }
    if (!next) {
      break;
    }
    a = next;
  }
  return a;
}

/**
 * The policy document an attribute expression holds: `jsonencode({...})`, a heredoc or string of
 * JSON (interpolations become unknown values), or `data.aws_iam_policy_document.x.json` of a data
 * source in the module. Undefined when the document cannot be known.
 */
export function policyOf(mod: TfModule, holder: HclAttribute, inst?: BlockInstance): PolicyDocument | undefined {
  const anchor = follow(mod, holder);
  const e: HclExpr = anchor.value;
  const index = mod.modelOf(anchor).index;
  if (e.type === 'reference' && e.path && e.path[0] === 'data' && e.path[1] === 'aws_iam_policy_document' && e.path[3] === 'json') {
    const data = mod.dataSources('aws_iam_policy_document').find((d) => d.labels[1] === e.path?.[2]);
    return data ? { statements: statementsOfDataSource(mod, data), dataSource: data, anchor: data } : undefined;
  }
  if (e.type === 'heredoc' || (e.type === 'template' && e.parts && !e.directives)) {
    if (e.type === 'heredoc' && e.parts && !e.directives && e.contentStart !== undefined) {
      // rebuild the JSON text with interpolations masked, keeping file offsets one to one
      const base = e.contentStart;
      const last = e.parts.length > 0 ? e.parts[e.parts.length - 1] : undefined;
      const endOffset = last && 'literal' in last ? last.start + last.literal.length : e.end;
      const chars = new Array<string>(Math.max(0, endOffset - base)).fill(HOLE);
      for (const p of e.parts) {
        if ('literal' in p) {
          for (let k = 0; k < p.literal.length; k++) {
            chars[p.start - base + k] = p.literal[k];
          }
        }
      }
      // a hole outside a JSON string (e.g. `"R": ${jsonencode(x)}`) becomes a quoted placeholder
      let inString = false;
      for (let k = 0; k < chars.length; k++) {
        const c = chars[k];
        if (c === '"' && chars[k - 1] !== '\\') {
          inString = !inString;
        } else if (c === HOLE && !inString) {
          let j = k;
          while (chars[j] === HOLE) {
            j++;
          }
          if (j - k >= 2) {
            chars[k] = '"';
            chars[j - 1] = '"';
          }
          k = j - 1;
        }
      }
      const v = parseLocatedJson(chars.join(''), (s, t) => index.range(base + s, base + t));
      return v ? { statements: statementsOfValue(unmask(v)) ?? [], anchor } : undefined;
    }
    const value = mod.evaluate(e, inst?.bindings);
    if (value.kind === 'string' && typeof value.value === 'string') {
      const v = parseLocatedJson(value.value.trim(), () => e.range);
      return v ? { statements: statementsOfValue(v) ?? [], anchor } : undefined;
    }
    return undefined;
  }
  const value = mod.evaluate(e, inst?.bindings);
  if (value.kind === 'object') {
    return { statements: statementsOfValue(value) ?? [], anchor };
  }
  if (value.kind === 'string' && typeof value.value === 'string') {
    const v = parseLocatedJson(value.value.trim(), () => e.range);
    return v ? { statements: statementsOfValue(v) ?? [], anchor } : undefined;
  }
  return undefined;
}

/** Quoted placeholders made of HOLE characters are unknown values. */
function unmask(v: TfValue): TfValue {
  if (v.kind === 'string' && typeof v.value === 'string' && v.value.includes(HOLE)) {
    return { kind: 'unknown', range: v.range };
  }
  if (v.kind === 'list') {
    return { ...v, items: (v.items ?? []).map(unmask) };
  }
  if (v.kind === 'object') {
    return { ...v, entries: (v.entries ?? []).map((x) => ({ ...x, value: unmask(x.value) })) };
  }
  return v;
}

/** Whether a principal list grants everyone ("*", {"AWS": "*"}, principals { type = "*" }). */
export function publicPrincipal(st: PolicyStatement): boolean {
  return st.principals.some((p) => (p.type === '*' || p.type === 'AWS') && str(p.id) === '*');
}

/** Whether a list of policy values contains the literal wildcard "*". */
export function hasWildcard(values: readonly TfValue[] | undefined, also: readonly string[] = []): boolean {
  return (values ?? []).some((v) => {
    const s = str(v);
    return s === '*' || (s !== undefined && also.includes(s.toLowerCase()));
  });
}
