import type { Equivalent } from '../rule';
import type { Severity } from '../types';

/** A literal a condition compares with. */
export type Scalar = string | number | boolean | null;

/**
 * Where a condition looks: attribute names separated by dots, from the subject (a resource block,
 * a Kubernetes object, a pod spec or a container). A key that holds dots is quoted in brackets:
 * `metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-internal"]`. Nested blocks
 * and list items are walked into: the condition holds when it holds for any of them.
 */
export type AttrPath = string;

/**
 * A test on the subject, answered yes, no or unknown (a value computed at plan time, a variable
 * without default): a policy reports only a definite yes.
 */
export type Condition =
  | (PathTest & FlagOf)
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

/**
 * A test of a path made on a command-line flag instead: the attribute is a list of arguments (a
 * container's `command` or `args`) and the test reads the value of `flag` in it (`--flag=value`,
 * `--flag value`, a bare `--flag` read as `true`; the last when given twice), absent when not given.
 */
export interface FlagOf {
  flag?: string;
}

/** A test of the value at a path. */
export type PathTest =
  /** The attribute is not written (or is null). */
  | { path: AttrPath; absent: true }
  /** The attribute is written (and not null). */
  | { path: AttrPath; present: true }
  /** The attribute is not written, null or the empty string. */
  | { path: AttrPath; blank: true }
  | { path: AttrPath; equals: Scalar }
  | { path: AttrPath; in: readonly Scalar[] }
  /** The attribute is written and its value is none of these. */
  | { path: AttrPath; notIn: readonly Scalar[] }
  /** The attribute is a string matching this regular expression (JavaScript syntax). */
  | { path: AttrPath; matches: string }
  /** The attribute is a list holding this value. */
  | { path: AttrPath; contains: Scalar }
  | { path: AttrPath; lessThan: number }
  | { path: AttrPath; greaterThan: number }
  /**
   * Terraform: the attribute's expression references a resource of `type` (for whose block
   * `where` holds, when given). A referenced resource outside the module is unknown.
   */
  | { path: AttrPath; references: { type: string; where?: Condition } }
  /**
   * Terraform: some nested block at the path (a `database_flags`, a `security_rule`) satisfies
   * the inner condition, whose paths start from that block. Unlike conditions on `a.b` and `a.c`,
   * both tests hold on the same block.
   */
  | { path: AttrPath; some: Condition };

/** The public standards policies cite. */
export type StandardId = 'cis-aws' | 'aws-fsbp' | 'pss' | 'nsa-k8s' | 'cis-docker' | 'cis-gcp' | 'cis-azure' | 'cis-k8s' | 'owasp-docker';

/** A control of a public standard a policy checks (or helps check). */
export interface Reference {
  standard: StandardId;
  /** The control's number or id in that standard, e.g. `3.1` or `CloudTrail.2`. */
  control: string;
}

/** A safe or reviewable change that removes the finding: set the attribute at `path` to `value`. */
export interface PolicyFix {
  path: AttrPath;
  value: Scalar;
  /** Applying it cannot change behaviour the user relies on. */
  safe: boolean;
}

/** What a policy looks at. */
export type PolicySubject =
  /** Terraform resources of these types (and the mapped inputs of terraform-aws-modules). */
  | { kind: 'terraform'; resources: readonly string[] }
  /** Terraform `module` blocks whose source is this registry module, by its inputs. */
  | { kind: 'terraform'; module: string }
  /** Kubernetes objects of these kinds (any apiVersion). */
  | { kind: 'kubernetes'; kinds: readonly string[] }
  /** Every pod spec of every pod-bearing kind (Pod, workload templates, CronJob, Knative, …). */
  | { kind: 'kubernetes'; pods: true }
  /** Every container (init and ephemeral ones included) of every pod spec. */
  | { kind: 'kubernetes'; containers: true }
  /** Every service of a Compose file (merge keys and same-file `extends:` resolved). */
  | { kind: 'compose'; services: true };

/**
 * A declarative check: a subject, an optional applicability test, the condition that makes a
 * finding, and what the user reads. Policies compile into ordinary rules.
 */
export interface Policy {
  /** `<kind>/<name>`, like every rule id. */
  id: string;
  subject: PolicySubject;
  title: string;
  /** Why it matters (the docs page's Why, the catalog's description). */
  description: string;
  severity: Severity;
  /** The policy applies only where this holds (definitely). */
  where?: Condition;
  /** The finding: the subject is reported where this holds (definitely). */
  when: Condition;
  /**
   * The finding's text. `{name}` is the subject's name (resource label, `module.x`, object or
   * container name), `{type}` its type or kind, `{value}` the offending value when there is one.
   */
  message: string;
  /** How to fix it, in words (the docs page's Fix). */
  remedy: string;
  fix?: PolicyFix;
  references?: readonly Reference[];
  equivalents?: readonly Equivalent[];
  /**
   * Limits of this policy beyond those its page derives from the data (docs page's Known limits):
   * a specific of the setting the evaluator cannot know, one sentence each. Built-in policies
   * only, like `equivalents` (user policies have no docs page).
   */
  limits?: readonly string[];
}

/** A reference to a standard's control, as the built-in tables write them. */
export function ref(standard: StandardId, control: string): Reference {
  return { standard, control };
}
