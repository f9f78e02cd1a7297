// Precision sampling (docs/precision.md): runs the CLI over exported repositories and draws a
// seeded sample of findings per kind for judging by hand.
//   node bench/precision.mjs <dir-with-one-folder-per-repository> [--per 25] [--seed 17]
//     [--severity warning|info] [--exclude GLOB]... [--out FILE]
// Writes a judging sheet (Markdown): for each drawn finding, its rule, severity, place, message
// and the lines around it. The draw is a seeded shuffle (linear congruential), so a rerun on the
// same files and rules draws the same findings.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const root = args[0];
if (!root || root.startsWith('--')) {
  console.error('usage: node bench/precision.mjs DIR [--per 25] [--seed 17] [--severity warning|info] [--exclude GLOB]... [--out FILE]');
  process.exit(2);
}
const per = Number(opt('--per', '25'));
const seed = Number(opt('--seed', '17'));
const severity = opt('--severity', 'warning');
const excludes = args.flatMap((a, i) => (a === '--exclude' ? ['--exclude', args[i + 1]] : []));

const rank = { info: 0, warning: 1, error: 2 };
const all = [];
let skipped = 0;
for (const repo of readdirSync(root).sort()) {
  const dir = join(root, repo);
  const out = execFileSync(process.execPath, [cli, 'check', '.', '--format', 'json', '--fail-on', 'never', '--severity', severity, ...excludes], { cwd: dir, maxBuffer: 1 << 30, encoding: 'utf8' });
  for (const f of JSON.parse(out)) {
    // skipped files are counted by the CLI, not judged; findings below --severity are what the
    // text output hides by default
    if (f.skipped || rank[f.severity] < rank[severity]) {
      skipped += f.skipped ? 1 : 0;
      continue;
    }
    all.push({ ...f, repo });
  }
}

const kindOf = (ruleId) => ruleId.split('/')[0];
const byKind = new Map();
for (const f of all) {
  const k = kindOf(f.ruleId);
  if (!byKind.has(k)) byKind.set(k, []);
  byKind.get(k).push(f);
}

function shuffle(list, s) {
  let state = s >>> 0;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const lines = [`# Precision sample (seed ${seed}, ${per} per kind, severity ≥ ${severity}; ${skipped} files skipped)`, ''];
const counts = [];
for (const [kind, list] of [...byKind].sort()) {
  const sev = (s) => list.filter((f) => f.severity === s).length;
  counts.push(`| ${kind} | ${list.length} | ${sev('error')} | ${sev('warning')} | ${sev('info')} |`);
  lines.push(`## ${kind} (${list.length} findings)`, '');
  shuffle(list, seed).slice(0, per).forEach((f, n) => {
    lines.push(`### ${kind} ${n + 1}. ${f.ruleId} (${f.severity}) — ${f.repo}/${f.file}:${f.line}`, '', f.message, '', '```');
    try {
      const text = readFileSync(join(root, f.repo, f.file), 'utf8').split('\n');
      for (let i = Math.max(1, f.line - 4); i <= Math.min(text.length, f.line + 4); i++) {
        lines.push(`${i === f.line ? '>' : ' '}${String(i).padStart(5)}  ${text[i - 1]}`);
      }
    } catch {
      lines.push('(file not readable)');
    }
    lines.push('```', '', 'verdict: ', '');
  });
}
lines.splice(2, 0, '| kind | findings | error | warning | info |', '|---|---:|---:|---:|---:|', ...counts, '');
const outFile = opt('--out', null);
if (outFile) {
  writeFileSync(outFile, lines.join('\n'));
  console.log(`${all.length} findings; sheet in ${outFile}`);
} else {
  console.log(lines.join('\n'));
}
