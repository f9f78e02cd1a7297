import type { Adapter } from './evaluate';
import { evaluate, splitPath } from './evaluate';
import { MODULES } from './modules';
import { pulumiTokensOf } from './pulumi';
import type { Condition, Policy, Scalar } from './types';
import { usesAbsence } from './yaml';

/**
 * The Known limits of a policy's page, derived from its data and from what the evaluator and
 * its adapters resolve (src/core/policies/terraform.ts, yaml.ts, kubernetes.ts, compose.ts,
 * pulumi.ts and the Terraform evaluator of rules/terraform/support/values.ts), then the
 * policy's own `limits`. Each sentence states what the code does: change them together.
 */

/** A leaf test of a condition, with the paths it reads (a `some` block's paths are prefixed). */
interface Leaf {
  path: string;
  flag?: string;
  test: Condition;
}

function leaves(c: Condition, prefix = ''): Leaf[] {
  if ('all' in c) {
    return c.all.flatMap((x) => leaves(x, prefix));
  }
  if ('any' in c) {
    return c.any.flatMap((x) => leaves(x, prefix));
  }
  if ('not' in c) {
    return leaves(c.not, prefix);
  }
  const path = prefix + c.path;
  if ('some' in c) {
    return [{ path, test: c }, ...leaves(c.some, `${path}.`)];
  }
  return [{ path, flag: c.flag, test: c }];
}

function code(s: string): string {
  return `\`${s}\``;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function lit(v: Scalar): string {
  return code(v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v) : String(v));
}

/** Every path reads nothing: absent everywhere (flags included), no nested blocks, no references. */
const NOTHING_WRITTEN: Adapter<null, null> = {
  lookup: () => [{ state: 'absent', anchor: null }],
  references: () => ({ t: 'no' }),
  items: () => ({ items: [], unknown: false }),
  anchorOf: () => null,
  specific: () => false,
};

/** Whether the finding's condition holds on a subject that writes none of the paths it reads. */
function reportsWhenNothingWritten(p: Policy): 'yes' | 'no' | 'unknown' {
  return evaluate(p.when, null, NOTHING_WRITTEN).t;
}

/** The paths the finding's condition tests (a `some` as its block path), as code. */
function whenAttrs(p: Policy): string[] {
  const out: string[] = [];
  const visit = (c: Condition): void => {
    if ('all' in c) {
      c.all.forEach(visit);
    } else if ('any' in c) {
      c.any.forEach(visit);
    } else if ('not' in c) {
      visit(c.not);
    } else {
      out.push(c.path);
    }
  };
  visit(p.when);
  return unique(out).map(code);
}

/** "A resource", or "A resource the rule applies to" when the policy has an applicability test. */
function subjectNoun(p: Policy, noun: string): string {
  const a = /^[aeiou]/.test(noun) ? 'An' : 'A';
  return p.where ? `${a} ${noun} the rule applies to` : `${a} ${noun}`;
}

/**
 * The value a missing attribute is read as, where the condition says so: `any` of "not set" and
 * "is v" on one path reads a missing attribute as v.
 */
function missingReadAs(c: Condition): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const visit = (x: Condition): void => {
    if ('all' in x) {
      x.all.forEach(visit);
    } else if ('not' in x) {
      visit(x.not);
    } else if ('any' in x) {
      const tests = x.any.filter((t): t is Extract<Condition, { path: string }> => 'path' in t && t.flag === undefined);
      for (const a of tests.filter((t) => 'absent' in t || 'blank' in t)) {
        for (const t of tests) {
          if (t.path !== a.path) {
            continue;
          }
          if ('equals' in t) {
            out.push({ path: t.path, value: lit(t.equals) });
          } else if ('in' in t) {
            out.push({ path: t.path, value: `one of ${t.in.map(lit).join(', ')}` });
          } else if ('lessThan' in t) {
            out.push({ path: t.path, value: `below ${t.lessThan}` });
          } else if ('contains' in t) {
            out.push({ path: t.path, value: `a list holding ${lit(t.contains)}` });
          }
        }
      }
      x.any.forEach(visit);
    }
  };
  visit(c);
  return out;
}

function terraformLimits(p: Policy, resources: readonly string[] | undefined, module: string | undefined): string[] {
  const out: string[] = [];
  const all = unique([...leaves(p.when), ...(p.where ? leaves(p.where) : [])].map((l) => l.path));
  const attrs = unique(all.map((x) => splitPath(x)[0] ?? x)).map(code);
  const scope = p.fix
    ? 'each `.tf` file alone (the rule has a quick fix, which must work on one file): a `local` or `variable` declared in another file of the module is unknown'
    : 'the `.tf` files of the folder, read as one module';
  out.push(
    `Values are read from ${scope}. Resolved: literals, \`local.\` values, a \`var.\`'s \`default\`, \`? :\` with a known condition, string templates of known parts, and \`jsonencode\`, \`merge\`, \`concat\`, \`flatten\`, \`compact\`, \`lookup\`, \`try\`, \`coalesce\`, \`lower\`, \`upper\` and the type conversions. A value of ${list(attrs)} that comes from a variable without \`default\`, another resource's or a data source's attribute, a module output, \`each.\`/\`count.\` or any other function is unknown, and the ${module ? 'module block' : 'resource'} is not reported.`,
  );
  out.push('A variable is read as its `default`: a value a calling module, a `.tfvars` file, `-var` or `TF_VAR_…` passes instead is not seen.');
  const nothing = reportsWhenNothingWritten(p);
  const readAs = missingReadAs(p.when);
  const noun = module ? 'module block' : 'resource';
  const when = whenAttrs(p);
  if (nothing === 'yes') {
    const assumed = readAs.length > 0 ? `, reading a missing ${list(unique(readAs.map((r) => `${code(r.path)} as ${r.value}`)))}` : '';
    out.push(
      `${subjectNoun(p, noun)} that does not write ${list(when)} is reported${assumed}: the rule relies on ${module ? 'the module' : 'the provider'} leaving the setting off when it is not written${module ? ' (its default is not read from the module code)' : ''}.`,
    );
  } else if (nothing === 'no') {
    out.push(`Only values written in the configuration are judged: when ${list(when)} ${when.length > 1 ? 'are' : 'is'} not written, the ${module ? "module's" : "provider's"} default applies and nothing is reported.`);
  }
  if (all.some((x) => splitPath(x).length > 1)) {
    const nested = unique(all.filter((x) => splitPath(x).length > 1).map((x) => splitPath(x)[0] ?? x));
    out.push(
      `${list(nested.map(code))} ${nested.length > 1 ? 'are' : 'is'} read in nested blocks, static and \`dynamic\` ones (and in object values): a \`dynamic\` block with a known \`for_each\` (a literal, a local, a variable default) gives one block per element with its iterator bound; with an unknown \`for_each\` the iterator's values are unknown. Any one block that matches is reported.`,
    );
  }
  const refs = leaves(p.when)
    .concat(p.where ? leaves(p.where) : [])
    .filter((l) => 'references' in l.test);
  for (const r of refs) {
    const t = r.test as { references: { type: string } };
    out.push(
      `${code(r.path)} is followed to the \`${t.references.type}\` it names by \`${t.references.type}.<name>\` in the same ${p.fix ? 'file' : 'folder'}: a block of another module or not found there is unknown and not reported.`,
    );
  }
  if (!module) {
    out.push('Every resource block is judged as written, also one with `count = 0` or an empty `for_each`.');
  }
  if (resources) {
    const mods = MODULES.filter((m) => m.resources.some((x) => resources.includes(x)));
    for (const m of mods) {
      const mapped = all
        .map((x) => ({ x, input: m.inputs[x] }))
        .filter((e) => e.input !== undefined)
        .map((e) => (e.input === null ? `${code(e.x)} (never set by the module)` : `${code(e.x)} from input ${code(e.input!)}`));
      const unmapped = all.filter((x) => m.inputs[x] === undefined).map(code);
      const defaults = Object.entries(m.defaults).filter(([input]) => Object.entries(m.inputs).some(([x, i]) => i === input && all.includes(x)));
      const defaultsText =
        defaults.length > 0
          ? `An input not passed is read as the module's default (${list(defaults.map(([i, v]) => `${code(i)} = ${lit(v)}`))}); other unpassed inputs are unknown.`
          : 'An input not passed is unknown (its default is not read from the module).';
      out.push(
        mapped.length === 0
          ? `On \`module\` blocks of \`${m.source}\`: ${all.length === 1 ? `${code(all[0])} is not` : `none of ${list(all.map(code))} is`} mapped to an input of the module, so its blocks are never reported by this rule.`
          : `On \`module\` blocks of \`${m.source}\` (its registry address or Git repository; a \`//submodule\` is not read): ${list(mapped)}${unmapped.length > 0 ? `; ${list(unmapped)} ${unmapped.length > 1 ? 'are' : 'is'} not mapped and unknown` : ''}. ${defaultsText} The module's own code under \`.terraform/modules\` is not read.`,
      );
    }
    const tokens = pulumiTokensOf(resources);
    if (tokens.length > 0) {
      out.push(
        `On Pulumi YAML programs, resources of type ${list(tokens.map(code))}: properties read by their lowerCamelCase name (a repeated block also by its plural), a value holding \`\${…}\` or an \`fn::\` call is unknown, and a resource read with \`get:\` is skipped. Programs in a general-purpose language and stack configuration (\`Pulumi.<stack>.yaml\`) are not read.`,
      );
    }
  }
  if (module) {
    out.push(
      `Reads the inputs of \`module\` blocks whose \`source\` is \`${module}\` (its registry address or Git repository): ${MODULES.some((m) => m.source === module) ? "an input not passed takes the module's default where it is listed in src/core/policies/modules.ts, else it reads as not set" : 'an input not passed reads as not set'}. What the module does with an input is taken from its documentation; its code is not read.`,
    );
  }
  return out;
}

function kubernetesLimits(p: Policy): string[] {
  const s = p.subject;
  const out: string[] = [];
  const ls = [...leaves(p.when), ...(p.where ? leaves(p.where) : [])];
  const absence = usesAbsence(p.when);
  out.push(
    'kinds' in s
      ? 'Each object is judged as written in its file (any `apiVersion` of its kind): kustomize patches and overlays are not applied. YAML anchors and aliases are followed.'
      : 'Each object is judged as written in its file: kustomize patches and overlays are not applied, and a value an admission controller, a mutating webhook or a LimitRange sets when the object is created is not seen. YAML anchors and aliases are followed.',
  );
  if ('kinds' in s && s.kinds.includes('KubeletConfiguration')) {
    out.push("A kubelet command-line flag overrides the configuration file and is not read here; nor is the file's place on the nodes (`--config`): this judges the file as a kubelet would load it alone.");
  }
  if ('pods' in s || 'containers' in s) {
    out.push(
      'Pod specs are those of Pods, the templates of Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs, PodTemplates, Argo Rollouts, OpenShift DeploymentConfigs and Knative Services, Configurations and Revisions; a pod template inside another custom resource is not read. Windows pods (`os.name: windows`, a `kubernetes.io/os: windows` node selector or `windowsOptions`) are skipped.',
    );
    if (absence) {
      out.push(
        'Fragments are skipped, since what they lack may come from the base they patch: a pod whose containers have no `image`, and a Deployment, StatefulSet, DaemonSet or ReplicaSet with neither selector nor template labels.',
      );
    }
  }
  if ('containers' in s) {
    out.push("Reads the container's own keys: a setting of the pod (its `securityContext`, `hostNetwork`…) is judged by the pod-level rules, not combined with the container's.");
  }
  const flags = unique(ls.filter((l) => l.flag !== undefined).map((l) => l.flag!));
  if (flags.length > 0) {
    const nothing = reportsWhenNothingWritten(p);
    const reports = nothing === 'yes' || absence ? ': the flag then reads as not given, which this rule reports' : '';
    out.push(
      `${list(flags.map(code))} ${flags.length > 1 ? 'are' : 'is'} read only from the container's \`command\` and \`args\` written as YAML lists (\`--flag=value\`, \`--flag value\`, a bare \`--flag\` as \`true\`, the last one when given twice). A flag set in a configuration file the binary loads (\`--config\`, \`--config-file\`) or through an environment variable is not seen${reports}.`,
    );
    const namesBinary = p.where !== undefined && 'path' in p.where && p.where.path === 'command' && 'matches' in p.where;
    const binary = namesBinary && p.where && 'matches' in p.where ? p.where.matches : '';
    const name = /^\(\?:\^\|\/\)([\w.-]+)\$$/.exec(binary)?.[1] ?? 'binary';
    out.push(
      namesBinary
        ? `The rule applies only to a container whose \`command\` list has an item matching \`/${binary}/\`: one started by its image's entrypoint (flags in \`args\` only) or with \`command\` written as one string is not judged. The test is on whole items holding no space, so a shell string (\`sh -c "${name} --flag …"\`) is not taken for the binary and the flags inside it are not read.`
        : `A flag inside a shell string (\`sh -c "…"\`) is not seen${reports}; a \`command\` written as one string is unknown and not judged.`,
    );
  } else {
    const nothing = reportsWhenNothingWritten(p);
    const attrs = whenAttrs(p);
    const readAs = missingReadAs(p.when);
    const noun = 'containers' in s ? 'container' : 'pods' in s ? 'pod spec' : 'object';
    if (nothing === 'yes') {
      const assumed = readAs.length > 0 ? `, reading a missing ${list(unique(readAs.map((r) => `${code(r.path)} as ${r.value}`)))}` : '';
      out.push(`${subjectNoun(p, noun)} that does not write ${list(attrs)} is reported${assumed}: the rule takes Kubernetes' behaviour when it is not set as the finding.`);
    } else if (nothing === 'no') {
      out.push(`Only values written in the manifest are judged: when ${list(attrs)} ${attrs.length > 1 ? 'are' : 'is'} not written, nothing is reported.`);
    }
  }
  return out;
}

function composeLimits(p: Policy): string[] {
  const out: string[] = [];
  const attrs = whenAttrs(p);
  out.push(
    'Each Compose file is read alone: merge keys (`<<:`) and `extends:` of a service of the same file are resolved, but the files `docker compose` layers (`compose.override.yaml`, `-f` files, `include:`) are not merged, and a key of a service that `extends:` another file is unknown and not reported.',
  );
  out.push('`${VAR}` interpolation is not substituted: a value written that way is compared as written, and a value from `.env` or the environment is not seen.');
  const nothing = reportsWhenNothingWritten(p);
  if (nothing === 'yes') {
    out.push(`${subjectNoun(p, 'service')} that does not write ${list(attrs)} is reported; not in an override file (\`compose.override.yaml\`, or \`compose.<env>.yaml\` beside a base file) nor for a service the file defines only partly (no \`image\`, \`build\` or \`extends\`), where a key not written is unknown: the base file may set it.`);
  } else if (nothing === 'no') {
    out.push(`Only values written in the file are judged: when ${list(attrs)} ${attrs.length > 1 ? 'are' : 'is'} not written, nothing is reported.`);
  }
  return out;
}

/** The Known limits of a policy's page: what it cannot see or resolve, then its own limits. */
export function describeLimits(p: Policy): string[] {
  const s = p.subject;
  const derived =
    s.kind === 'terraform' ? terraformLimits(p, 'resources' in s ? s.resources : undefined, 'module' in s ? s.module : undefined) : s.kind === 'kubernetes' ? kubernetesLimits(p) : composeLimits(p);
  return [...derived, ...(p.limits ?? [])];
}
