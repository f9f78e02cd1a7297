import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, isMap, mapEntries, rangeOf, str } from '../../parsers/yaml';
import { isScalar } from 'yaml';
import type { Fix, TextEdit } from '../../types';
import type { ExpressionSpan, RunScript, Step, Workflow } from './workflow';
import { actionName, envOf, findExpressions, mapScalar, workflowsOf } from './workflow';
import { untrustedRefs } from './untrusted';

/** The message for an untrusted value expanded into a script. */
export function message(path: string, where: 'run' | 'script'): string {
  return where === 'run'
    ? `'${path}' is controlled by whoever opens the issue, PR or commit, and \${{ }} pastes it into the script as code: pass it through env: and use "$VAR" instead`
    : `'${path}' is controlled by whoever opens the issue, PR or commit, and \${{ }} pastes it into the github-script code: pass it through env: and read process.env instead`;
}

/** The environment variable name proposed for an untrusted expression. */
export function envName(path: string): string {
  const known: Record<string, string> = {
    'github.head_ref': 'HEAD_REF',
    'github.event.pull_request.head.ref': 'HEAD_REF',
    'github.event.pull_request.title': 'PR_TITLE',
    'github.event.pull_request.body': 'PR_BODY',
    'github.event.issue.title': 'ISSUE_TITLE',
    'github.event.issue.body': 'ISSUE_BODY',
    'github.event.comment.body': 'COMMENT_BODY',
    'github.event.review.body': 'REVIEW_BODY',
    'github.event.review_comment.body': 'REVIEW_COMMENT_BODY',
    'github.event.head_commit.message': 'COMMIT_MESSAGE',
    'github.event.workflow_run.head_branch': 'HEAD_BRANCH',
  };
  if (known[path]) {
    return known[path];
  }
  const segs = path.split('.').filter((s) => s !== '*' && s !== 'github' && s !== 'event');
  const tail = segs.slice(-2).join('_').replace(/pull_request/g, 'pr').replace(/head_commit/g, 'commit');
  return (tail || 'EVENT').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

type QuoteState = 'none' | 'double' | 'single' | 'heredoc' | 'heredoc-quoted';

/**
 * The quoting context at each of `offsets` of a script (heredoc bodies are opaque to the lexer),
 * by offset: one scan of the script for all of them.
 */
function quoteStates(run: RunScript, offsets: readonly number[]): Map<number, QuoteState> {
  const out = new Map<number, QuoteState>();
  const script = run.script;
  if (!script) {
    for (const o of offsets) {
      out.set(o, 'none');
    }
    return out;
  }
  const text = run.shellText;
  // heredocs in command order, each with the offset of the line break that starts its body
  const heredocs: { body: number; end: number; quoted: boolean }[] = [];
  for (const c of script.commands) {
    for (const r of c.redirects) {
      if (r.heredoc !== undefined) {
        const body = text.indexOf('\n', r.start);
        heredocs.push({ body, end: r.end, quoted: body >= 0 && /^<<-?\s*['"\\]/.test(text.slice(r.start, body).replace(/^\d+/, '')) });
      }
    }
  }
  const pending: number[] = [];
  for (const o of offsets) {
    const h = heredocs.find((r) => r.body >= 0 && o > r.body && o < r.end);
    if (h) {
      out.set(o, h.quoted ? 'heredoc-quoted' : 'heredoc');
    } else {
      pending.push(o);
    }
  }
  pending.sort((a, b) => a - b);
  let next = 0;
  let state: 'none' | 'double' | 'single' = 'none';
  // every offset the scan has reached (all characters before it read) gets the state so far
  const settle = (upTo: number): void => {
    while (next < pending.length && pending[next] <= upTo) {
      out.set(pending[next++], state);
    }
  };
  const last = pending.length > 0 ? pending[pending.length - 1] : 0;
  for (let i = 0; i < last && i < text.length; i++) {
    settle(i);
    let skip = -1;
    for (const r of heredocs) {
      if (r.body >= 0 && i > r.body && i < r.end) {
        skip = r.end;
        break;
      }
    }
    if (skip >= 0) {
      i = skip - 1;
      continue;
    }
    const c = text[i];
    if (state === 'single') {
      if (c === "'") {
        state = 'none';
      }
    } else if (c === '\\') {
      i++;
    } else if (state === 'double') {
      if (c === '"') {
        state = 'none';
      }
    } else if (c === "'") {
      state = 'single';
    } else if (c === '"') {
      state = 'double';
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      // a comment: the offsets inside it read 'none' (as does the state here), the scan goes on after it
      const nl = text.indexOf('\n', i);
      if (nl < 0) {
        break;
      }
      i = nl;
    }
  }
  settle(Number.POSITIVE_INFINITY);
  return out;
}

function lastContentOffset(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) {
    e--;
  }
  return e;
}

/** Build the fix moving every untrusted expression of a step into its env. */
function buildFix(file: YamlFile, wf: Workflow, step: Step, run: RunScript, spans: readonly { span: ExpressionSpan; path: string }[]): Fix | undefined {
  const type = run.node.type;
  if (!run.script || (type !== 'BLOCK_LITERAL' && type !== 'BLOCK_FOLDED' && type !== 'PLAIN')) {
    return undefined;
  }
  const existing = envOf(wf, step);
  const names = new Map<string, string>();
  const edits: TextEdit[] = [];
  const added: { name: string; expr: string }[] = [];
  const states = quoteStates(run, spans.map((s) => s.span.start));
  for (const { span, path } of spans) {
    const expr = span.inner.trim();
    let name = names.get(expr);
    if (!name) {
      const base = envName(path);
      name = base;
      for (let n = 2; existing.has(name) && str(existing.get(name))?.replace(/\s+/g, '') !== `\${{${expr}}}`.replace(/\s+/g, ''); n++) {
        name = `${base}_${n}`;
      }
      names.set(expr, name);
      if (!existing.has(name)) {
        added.push({ name, expr });
      }
    }
    const state = states.get(span.start) ?? 'none';
    let start = span.start;
    let end = span.end;
    let newText: string;
    if (state === 'double' || state === 'heredoc') {
      newText = `\${${name}}`;
    } else if (state === 'none') {
      newText = `"\${${name}}"`;
    } else if (state === 'single') {
      if (run.shellText[start - 1] === "'" && run.shellText[end] === "'") {
        start--;
        end++;
        newText = `"\${${name}}"`;
      } else {
        newText = `'"\${${name}}"'`;
      }
    } else {
      return undefined;
    }
    edits.push({ range: run.range(start, end), newText });
  }
  const eol = file.index.eol;
  const stepIndent = rangeOf(file, step.node).start.character;
  const envNode = get(step.node, 'env');
  if (added.length > 0) {
    if (envNode === undefined) {
      const r = (step.node as { range?: [number, number, number] }).range;
      if (!r) {
        return undefined;
      }
      const at = file.index.lineEndOffset(file.index.positionAt(lastContentOffset(file.text, r[1])).line);
      const pad = ' '.repeat(stepIndent);
      const lines = [`${pad}env:`, ...added.map((a) => `${pad}  ${a.name}: \${{ ${a.expr} }}`)];
      edits.push({ range: file.index.range(at, at), newText: eol + lines.join(eol) });
    } else if (isMap(envNode) && !envNode.flow && envNode.items.length > 0) {
      const entries = mapEntries(envNode);
      const itemIndent = rangeOf(file, entries[0].pair.key).start.character;
      const lastValue = entries[entries.length - 1].pair.value ?? entries[entries.length - 1].pair.key;
      const r = (lastValue as { range?: [number, number, number] }).range;
      if (!r) {
        return undefined;
      }
      const at = file.index.lineEndOffset(file.index.positionAt(lastContentOffset(file.text, r[1])).line);
      edits.push({ range: file.index.range(at, at), newText: added.map((a) => `${eol}${' '.repeat(itemIndent)}${a.name}: \${{ ${a.expr} }}`).join('') });
    } else {
      return undefined;
    }
  }
  return { title: 'Move untrusted values into env: variables', safe: false, edits };
}

/** Untrusted event fields must not be expanded with ${{ }} inside scripts. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/script-injection',
  meta: {
    title: 'Untrusted input expanded into a script',
    description: '`${{ github.event.issue.title }}` and similar values are written by outsiders; `${{ }}` is substituted before the shell runs, so a crafted title runs commands with the workflow token. Inputs of `workflow_dispatch` are not reported: only collaborators with write access can set them.',
    severity: 'error',
    kind: 'github-actions',
    fixable: true,
    equivalents: [
      { tool: 'actionlint', id: 'expression' },
      { tool: 'zizmor', id: 'template-injection' },
      { tool: 'checkov', id: 'CKV_GHA_2' },
    ],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const run = step.run();
          if (run) {
            const spans: { span: ExpressionSpan; path: string }[] = [];
            for (const span of run.expressions) {
              for (const ref of untrustedRefs(span.inner)) {
                spans.push({ span, path: ref.path });
              }
            }
            if (spans.length > 0) {
              const unique = spans.filter((s, i) => spans.findIndex((o) => o.span === s.span) === i);
              const fix = buildFix(ctx.model, wf, step, run, unique);
              for (const s of spans) {
                ctx.report({ range: run.range(s.span.start, s.span.end), message: message(s.path, 'run'), fix });
              }
            }
          }
          if (step.uses && actionName(step.uses) === 'actions/github-script') {
            const script = get(step.with, 'script');
            if (isScalar(script) && typeof script.value === 'string') {
              const mapped = mapScalar(ctx.model, script);
              for (const span of findExpressions(mapped.value)) {
                for (const ref of untrustedRefs(span.inner)) {
                  ctx.report({ range: mapped.range(span.start, span.end), message: message(ref.path, 'script') });
                }
              }
            }
          }
        }
      }
    }
  },
};
