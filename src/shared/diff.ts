/**
 * A unified diff of two texts by lines (Myers' algorithm via LCS on lines, with 3 lines of
 * context), as `git diff` prints it: `fix --dry-run` and the chat's write cards show it.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = diffLines(a, b);
  if (!ops.some((o) => o.type !== 'same')) {
    return '';
  }
  const out: string[] = [`--- ${oldName}`, `+++ ${newName}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].type === 'same') {
      i++;
      continue;
    }
    let start = i;
    let ctx = 0;
    while (start > 0 && ops[start - 1].type === 'same' && ctx < context) {
      start--;
      ctx++;
    }
    let end = i;
    let sameRun = 0;
    while (end < ops.length) {
      if (ops[end].type === 'same') {
        sameRun++;
        if (sameRun > context * 2) {
          break;
        }
      } else {
        sameRun = 0;
      }
      end++;
    }
    end = Math.min(ops.length, end - Math.max(0, sameRun - context));
    const hunk = ops.slice(start, end);
    const aStart = hunk[0].aIndex;
    const bStart = hunk[0].bIndex;
    const aLen = hunk.filter((o) => o.type !== 'add').length;
    const bLen = hunk.filter((o) => o.type !== 'del').length;
    out.push(`@@ -${aLen === 0 ? aStart : aStart + 1},${aLen} +${bLen === 0 ? bStart : bStart + 1},${bLen} @@`);
    for (const o of hunk) {
      out.push((o.type === 'same' ? ' ' : o.type === 'add' ? '+' : '-') + o.line);
    }
    i = end;
  }
  return out.join('\n') + '\n';
}

interface Op {
  type: 'same' | 'add' | 'del';
  line: string;
  aIndex: number;
  bIndex: number;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

function diffLines(a: string[], b: string[]): Op[] {
  // trim common prefix and suffix so the quadratic part only sees the changed middle
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) {
    pre++;
  }
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) {
    suf++;
  }
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const n = am.length;
  const m = bm.length;
  if (n * m > 4_000_000) {
    // too big for the table: show the middle as replaced wholesale
    return [
      ...a.slice(0, pre).map((line, k) => ({ type: 'same' as const, line, aIndex: k, bIndex: k })),
      ...am.map((line, k) => ({ type: 'del' as const, line, aIndex: pre + k, bIndex: pre })),
      ...bm.map((line, k) => ({ type: 'add' as const, line, aIndex: pre + n, bIndex: pre + k })),
      ...a.slice(a.length - suf).map((line, k) => ({ type: 'same' as const, line, aIndex: a.length - suf + k, bIndex: b.length - suf + k })),
    ];
  }
  const lcs: Uint32Array[] = [];
  for (let i = 0; i <= n; i++) {
    lcs.push(new Uint32Array(m + 1));
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  for (let k = 0; k < pre; k++) {
    ops.push({ type: 'same', line: a[k], aIndex: k, bIndex: k });
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && am[i] === bm[j]) {
      ops.push({ type: 'same', line: am[i], aIndex: pre + i, bIndex: pre + j });
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push({ type: 'del', line: am[i], aIndex: pre + i, bIndex: pre + j });
      i++;
    } else {
      ops.push({ type: 'add', line: bm[j], aIndex: pre + i, bIndex: pre + j });
      j++;
    }
  }
  for (let k = 0; k < suf; k++) {
    ops.push({ type: 'same', line: a[a.length - suf + k], aIndex: a.length - suf + k, bIndex: b.length - suf + k });
  }
  return ops;
}
