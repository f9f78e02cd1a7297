/**
 * Expression paths whose value an outside contributor controls (titles, bodies, branch names,
 * commit messages…). Expanded into a script they become code.
 */
import { onClearCaches } from '../../caches';
import { contextPaths, pathMatches } from './expression';

const UNTRUSTED: readonly string[] = [
  'github.head_ref',
  'github.event.issue.title',
  'github.event.issue.body',
  'github.event.pull_request.title',
  'github.event.pull_request.body',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.head.label',
  'github.event.pull_request.head.repo.default_branch',
  'github.event.pull_request.head.repo.description',
  'github.event.pull_request.head.repo.homepage',
  'github.event.comment.body',
  'github.event.review.body',
  'github.event.review_comment.body',
  'github.event.discussion.title',
  'github.event.discussion.body',
  'github.event.pages.*.page_name',
  'github.event.commits.*.message',
  'github.event.commits.*.author.email',
  'github.event.commits.*.author.name',
  'github.event.commits.*.committer.email',
  'github.event.commits.*.committer.name',
  'github.event.head_commit.message',
  'github.event.head_commit.author.email',
  'github.event.head_commit.author.name',
  'github.event.head_commit.committer.email',
  'github.event.head_commit.committer.name',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.display_title',
  'github.event.workflow_run.head_commit.message',
  'github.event.workflow_run.head_commit.author.email',
  'github.event.workflow_run.head_commit.author.name',
  'github.event.workflow_run.pull_requests.*.head.ref',
  'github.event.workflow_run.head_repository.description',
];

/** An untrusted reference found in an expression. */
export interface UntrustedRef {
  path: string;
  /** Offsets in the expression text. */
  start: number;
  end: number;
}

/**
 * Untrusted references in an expression: exact matches, and whole objects that contain them
 * (`toJSON(github.event.pull_request)` dumps the title and body too).
 */
export function untrustedRefs(expression: string): UntrustedRef[] {
  // every expression of every run: block is asked about, most of them more than once, and each
  // reference was matched against every pattern; callers must not mutate the answer
  let cached = refsCache.get(expression);
  if (!cached) {
    if (refsCache.size > 4096) {
      refsCache.clear();
    }
    cached = untrustedRefsUncached(expression);
    refsCache.set(expression, cached);
  }
  return cached;
}

const refsCache = new Map<string, UntrustedRef[]>();
onClearCaches(() => refsCache.clear());

function untrustedRefsUncached(expression: string): UntrustedRef[] {
  const out: UntrustedRef[] = [];
  for (const ref of contextPaths(expression)) {
    if (ref.root.toLowerCase() !== 'github') {
      continue;
    }
    const segs = ref.path.split('.');
    const dangerous = UNTRUSTED.some((pattern) => {
      if (pathMatches(ref.path, pattern)) {
        return true;
      }
      const p = pattern.split('.');
      // a prefix object holding an untrusted field (but not `github` alone written as a value)
      return segs.length >= 2 && segs.length < p.length && pathMatches(ref.path, p.slice(0, segs.length).join('.'));
    });
    if (dangerous) {
      out.push({ path: ref.path, start: ref.start, end: ref.end });
    }
  }
  return out;
}
