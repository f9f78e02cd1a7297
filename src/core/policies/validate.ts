import type { Condition, Policy, PolicySubject, Reference, StandardId } from './types';
import { validPath } from './evaluate';

/** A problem in a user policy: where (keys and indexes from the policy's root) and what. */
export interface PolicyProblem {
  at: readonly (string | number)[];
  message: string;
}

const SEVERITIES = ['error', 'warning', 'info'];
const POLICY_KEYS = ['id', 'subject', 'title', 'description', 'severity', 'where', 'when', 'message', 'remedy', 'fix', 'references'];
const STANDARDS: readonly StandardId[] = ['cis-aws', 'aws-fsbp', 'pss', 'nsa-k8s', 'cis-docker', 'cis-gcp', 'cis-azure', 'cis-k8s', 'owasp-docker'];
const OPERATORS = ['absent', 'present', 'blank', 'equals', 'in', 'notIn', 'matches', 'contains', 'lessThan', 'greaterThan', 'references', 'some'];
/** The operators a user may write, for messages. */
export const CONDITION_FORMS = `path with one of ${OPERATORS.join(', ')}; or all, any, not`;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function checkCondition(c: unknown, at: (string | number)[], kind: string, out: PolicyProblem[]): void {
  if (!isRecord(c)) {
    out.push({ at, message: `a condition must be a mapping (${CONDITION_FORMS})` });
    return;
  }
  const keys = Object.keys(c);
  for (const group of ['all', 'any'] as const) {
    if (group in c) {
      if (keys.length !== 1) {
        out.push({ at, message: `'${group}' stands alone in its condition` });
      }
      const list = c[group];
      if (!Array.isArray(list) || list.length === 0) {
        out.push({ at: [...at, group], message: `'${group}' takes a non-empty list of conditions` });
        return;
      }
      list.forEach((sub, i) => checkCondition(sub, [...at, group, i], kind, out));
      return;
    }
  }
  if ('not' in c) {
    if (keys.length !== 1) {
      out.push({ at, message: "'not' stands alone in its condition" });
    }
    checkCondition(c.not, [...at, 'not'], kind, out);
    return;
  }
  if (typeof c.path !== 'string' || !validPath(c.path)) {
    out.push({ at: 'path' in c ? [...at, 'path'] : at, message: 'path must be keys separated by dots (quote a key holding dots: a.b["x.y/z"])' });
  }
  if ('flag' in c && (typeof c.flag !== 'string' || !/^-{1,2}[A-Za-z0-9][\w.-]*$/.test(c.flag))) {
    out.push({ at: [...at, 'flag'], message: 'flag takes a command-line flag such as --anonymous-auth' });
  }
  const ops = keys.filter((k) => k !== 'path' && k !== 'flag');
  const unknown = ops.filter((k) => !OPERATORS.includes(k));
  if (unknown.length > 0) {
    out.push({ at: [...at, unknown[0]], message: `unknown operator '${unknown[0]}': expected ${CONDITION_FORMS}` });
    return;
  }
  if (ops.length !== 1) {
    out.push({ at, message: `a condition has a path and exactly one operator (${OPERATORS.join(', ')})` });
    return;
  }
  const op = ops[0];
  const v = c[op];
  const here = [...at, op];
  switch (op) {
    case 'absent':
    case 'present':
    case 'blank':
      if (v !== true) {
        out.push({ at: here, message: `${op} takes true` });
      }
      break;
    case 'equals':
    case 'contains':
      if (!isScalar(v)) {
        out.push({ at: here, message: `${op} takes a string, number, boolean or null` });
      }
      break;
    case 'in':
    case 'notIn':
      if (!Array.isArray(v) || v.length === 0 || !v.every(isScalar)) {
        out.push({ at: here, message: `${op} takes a non-empty list of strings, numbers or booleans` });
      }
      break;
    case 'matches':
      if (typeof v !== 'string') {
        out.push({ at: here, message: 'matches takes a regular expression as a string' });
      } else if (/\([^)]*[+*][^)]*\)\s*(?:[+*]|\{\d*,\d*\})/.test(v)) {
        // aurora.yaml comes with the repository: a pattern that backtracks exponentially would hang the editor
        out.push({ at: here, message: 'matches: a repeated group that itself repeats, such as (a+)+, can take exponential time: rewrite it without nested repetition' });
      } else {
        try {
          new RegExp(v, 'u');
        } catch (e) {
          out.push({ at: here, message: `matches: not a valid regular expression (${e instanceof Error ? e.message : String(e)})` });
        }
      }
      break;
    case 'lessThan':
    case 'greaterThan':
      if (typeof v !== 'number') {
        out.push({ at: here, message: `${op} takes a number` });
      }
      break;
    case 'references':
      if ('flag' in c) {
        out.push({ at: here, message: 'references does not apply to a flag' });
      } else if (kind !== 'terraform') {
        out.push({ at: here, message: 'references applies to Terraform policies only' });
      } else if (!isRecord(v) || typeof v.type !== 'string' || Object.keys(v).some((k) => k !== 'type' && k !== 'where')) {
        out.push({ at: here, message: 'references takes {type: <resource type or data.<type>>, where: <condition>}' });
      } else if (v.where !== undefined) {
        checkCondition(v.where, [...here, 'where'], kind, out);
      }
      break;
    case 'some':
      if (kind !== 'terraform') {
        out.push({ at: here, message: 'some applies to Terraform policies only' });
      } else {
        checkCondition(v, here, kind, out);
      }
      break;
  }
}

function checkSubject(v: unknown, kind: string, out: PolicyProblem[]): PolicySubject | undefined {
  const at = ['subject'];
  if (!isRecord(v)) {
    out.push({ at, message: 'subject must be a mapping: {resources: [types]} or {module: source} (terraform), {kinds: [kinds]}, {pods: true} or {containers: true} (kubernetes), {services: true} (compose)' });
    return undefined;
  }
  const keys = Object.keys(v);
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.length > 0 && x.every((i) => typeof i === 'string' && i !== '');
  const forms: Record<string, { kind: string; ok: boolean; shape: string }> = {
    resources: { kind: 'terraform', ok: strings(v.resources), shape: 'a non-empty list of resource types' },
    module: { kind: 'terraform', ok: typeof v.module === 'string' && v.module !== '', shape: 'a module source such as terraform-aws-modules/rds/aws' },
    kinds: { kind: 'kubernetes', ok: strings(v.kinds), shape: 'a non-empty list of kinds' },
    pods: { kind: 'kubernetes', ok: v.pods === true, shape: 'true' },
    containers: { kind: 'kubernetes', ok: v.containers === true, shape: 'true' },
    services: { kind: 'compose', ok: v.services === true, shape: 'true' },
  };
  if (keys.length !== 1 || !(keys[0] in forms)) {
    out.push({ at, message: `subject has exactly one of ${Object.keys(forms).join(', ')}` });
    return undefined;
  }
  const form = forms[keys[0]];
  if (!form.ok) {
    out.push({ at: [...at, keys[0]], message: `subject.${keys[0]} must be ${form.shape}` });
    return undefined;
  }
  if (form.kind !== kind) {
    out.push({ at: [...at, keys[0]], message: `subject.${keys[0]} is for ${form.kind} policies, but the id starts with ${kind}/` });
    return undefined;
  }
  return { kind, ...v } as PolicySubject;
}

/**
 * Check a user policy (a plain value read from aurora.yaml `policies:`) and return it typed, or
 * the problems that keep it from running. `taken` holds ids already used (the catalog's and the
 * previous policies').
 */
export function validatePolicy(v: unknown, taken: ReadonlySet<string>): { policy?: Policy; problems: PolicyProblem[] } {
  const out: PolicyProblem[] = [];
  if (!isRecord(v)) {
    return { problems: [{ at: [], message: 'a policy must be a mapping with id, subject, title, severity, when and message' }] };
  }
  for (const k of Object.keys(v)) {
    if (!POLICY_KEYS.includes(k)) {
      out.push({ at: [k], message: `unknown key '${k}' in a policy: expected ${POLICY_KEYS.join(', ')}` });
    }
  }
  for (const k of ['id', 'subject', 'title', 'severity', 'when', 'message']) {
    if (v[k] === undefined || v[k] === null) {
      out.push({ at: [], message: `a policy needs '${k}'` });
    }
  }
  const id = v.id;
  let kind = '';
  if (id !== undefined && (typeof id !== 'string' || !/^(terraform|kubernetes|compose)\/[a-z0-9]+(-[a-z0-9]+)*$/.test(id))) {
    out.push({ at: ['id'], message: "id must be terraform/<name>, kubernetes/<name> or compose/<name> (lowercase words joined by '-')" });
  } else if (typeof id === 'string') {
    kind = id.split('/')[0];
    if (taken.has(id)) {
      out.push({ at: ['id'], message: `id ${id} is already a rule or policy: choose another name` });
    }
  }
  for (const k of ['title', 'description', 'message', 'remedy']) {
    if (v[k] !== undefined && v[k] !== null && (typeof v[k] !== 'string' || v[k] === '')) {
      out.push({ at: [k], message: `${k} must be a non-empty string` });
    }
  }
  if (v.severity !== undefined && v.severity !== null && !SEVERITIES.includes(v.severity as string)) {
    out.push({ at: ['severity'], message: `severity must be one of ${SEVERITIES.join(', ')}` });
  }
  const subject = v.subject !== undefined && kind ? checkSubject(v.subject, kind, out) : undefined;
  if (v.when !== undefined && v.when !== null) {
    checkCondition(v.when, ['when'], kind, out);
  }
  if (v.where !== undefined) {
    checkCondition(v.where, ['where'], kind, out);
  }
  const fix = v.fix;
  if (fix !== undefined && !(isRecord(fix) && typeof fix.path === 'string' && validPath(fix.path) && isScalar(fix.value) && typeof fix.safe === 'boolean' && Object.keys(fix).length === 3)) {
    out.push({ at: ['fix'], message: 'fix takes {path: <attribute path>, value: <literal>, safe: true|false}' });
  }
  const refs = v.references;
  if (refs !== undefined && !(Array.isArray(refs) && refs.every((r) => isRecord(r) && STANDARDS.includes(r.standard as StandardId) && typeof r.control === 'string'))) {
    out.push({ at: ['references'], message: `references is a list of {standard: ${STANDARDS.join(' | ')}, control: <id>}` });
  }
  if (out.length > 0 || !subject) {
    return { problems: out };
  }
  const title = v.title as string;
  return {
    problems: [],
    policy: {
      id: id as string,
      subject,
      title,
      description: (v.description as string | undefined) ?? title,
      severity: v.severity as Policy['severity'],
      where: v.where as Condition | undefined,
      when: v.when as Condition,
      message: v.message as string,
      remedy: (v.remedy as string | undefined) ?? '',
      fix: fix as Policy['fix'],
      references: refs as Reference[] | undefined,
    },
  };
}
