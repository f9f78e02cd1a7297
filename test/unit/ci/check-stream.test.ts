import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeFiles, detectKind, PARSE_ERROR, skipReason } from '../../../src/core';
import type { Finding, Severity } from '../../../src/core';
import { BaselineFilter, entriesOf, readBaseline } from '../../../src/cli/baseline';
import { collectFiles, envFor, loadConfig } from '../../../src/cli/files';
import { countSkipped, formatText, skippedSummaryLine, toJson, toSarif } from '../../../src/cli/format';
import type { FileFindings, SkippedFile } from '../../../src/cli/format';
import { toGithubCommands } from '../../../src/cli/formats/github';
import { toGitlab } from '../../../src/cli/formats/gitlab';
import { enableWorkers } from '../../../src/cli/parallel';
import type { JobFile } from '../../../src/cli/parallel';
import { VERSION } from '../../../src/cli/version';
import { ready } from '../../helpers/core';
import { CORE, runBuiltCli, runCli, tempProject, writeFiles } from '../../helpers/cli';

/*
 * `check` analyses and reports a large tree in batches of folders, on worker threads too, and
 * writes its report as it goes. Whatever the batches, its output must be byte for byte what the
 * whole-report path gives: every file analysed first, the baseline applied, files counted as
 * analysed or skipped, then one formatter call. That path is written out here (`reference`) and
 * the CLI is compared with it on a tree of several batches, in every format.
 *
 * The CLI's `main` runs in this process (no process start, no grammar load per run); with
 * AURORA_WORKERS=2 it starts real worker threads on the built bundle (dist/cli-core.js), as the binary
 * does. One run per test is the binary itself, writing its streamed report to a pipe.
 */

const FOLDERS = 60;

/** A tree of ~270 files in 60 folders: findings of every severity, fixes safe and not, skipped files. */
function project(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < FOLDERS; i++) {
    const dir = `svc-${String(i).padStart(2, '0')}`;
    const base = ['node:20', 'ubuntu', 'python:3.12-slim', 'alpine:3.20'][i % 4];
    files[`${dir}/Dockerfile`] = [
      `FROM ${base}`,
      '# a comment that says nothing',
      'WORKDIR /app',
      i % 3 === 0 ? 'ADD app /app' : 'COPY app /app',
      i % 2 === 0 ? 'RUN apt-get update && apt-get install curl && curl -fsSL https://get.example.sh | sh' : 'RUN make build',
      i % 5 === 0 ? 'ADD app /app' : '',
      'CMD ["./run"]',
      '',
    ].join('\n');
    files[`${dir}/compose.yaml`] = `services:\n  web:\n    image: nginx${i % 2 === 0 ? '' : ':1.27'}\n${i % 4 === 1 ? '    privileged: true\n' : ''}    ports:\n      - "80${i % 10}:80"\n`;
    files[`${dir}/k8s/deploy.yaml`] = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: svc-${i}`,
      'spec:',
      '  selector:',
      '    matchLabels:',
      `      app: svc-${i}`,
      '  template:',
      '    metadata:',
      '      labels:',
      `        app: svc-${i}`,
      '    spec:',
      '      containers:',
      `        - name: app`,
      `          image: registry.example/svc:${i % 3 === 0 ? 'latest' : '1.0.' + i}`,
      '',
    ].join('\n');
    files[`${dir}/k8s/service.yaml`] = `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  selector:\n    app: svc-${i % 9 === 0 ? 'other' : i}\n  ports:\n    - port: 80\n`;
    files[`${dir}/README.md`] = `# Service ${i}\n`;
    if (i % 6 === 0) {
      files[`${dir}/chart/templates/svc.yaml`] = `apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-${i}\n`;
    }
    if (i % 7 === 0) {
      files[`${dir}/infra/bad.tf`] = 'resource "aws_s3_bucket" "b" {\n';
    } else if (i % 7 === 1) {
      files[`${dir}/infra/main.tf`] = `resource "aws_s3_bucket_acl" "a${i}" {\n  bucket = "b${i}"\n  acl    = "public-read"\n}\n`;
    }
  }
  files['.github/workflows/ci.yml'] = 'on: push\npermissions: {contents: read}\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make\n';
  return files;
}

interface Options {
  format: string;
  severity?: Severity;
  baseline?: string;
}

/** The whole-report path's analysis of every file of `dir`, before any baseline or format. */
interface Analysed {
  sources: JobFile[];
  byFile: Map<string, Finding[]>;
}

/** Every file of `dir` read and analysed at once (what `check` did before it streamed). */
function analyseAll(dir: string): Analysed {
  const files = collectFiles([dir]).files;
  const sources: JobFile[] = files.map((real) => ({ path: path.relative(dir, real).split(path.sep).join('/'), real, text: fs.readFileSync(real, 'utf8') }));
  const real = new Map(sources.map((s) => [s.path, s.real]));
  return { sources, byFile: analyzeFiles(sources, loadConfig(undefined, dir), (p) => envFor(real.get(p) ?? p)) };
}

/**
 * The report of the whole-report path for `dir`, from its analysis (`analyseAll`, done once per
 * state of the tree: the options change only the baseline and the formatting after it).
 */
function reference(all: Analysed, options: Options): { stdout: string; stderr: string; worst: number } {
  const sources = all.sources;
  const byFile = new Map(all.byFile);
  if (options.baseline) {
    const filter = new BaselineFilter(options.baseline, readBaseline(options.baseline));
    for (const source of sources) {
      byFile.set(source.path, filter.filter(source, byFile.get(source.path) ?? []));
    }
  }
  const results: FileFindings[] = [];
  const rank: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
  let worst = 0;
  for (const source of sources) {
    const findings = byFile.get(source.path) ?? [];
    if (findings.length > 0) {
      results.push({ file: source.path, findings });
    }
    worst = Math.max(worst, ...findings.map((f: Finding) => rank[f.severity]));
  }
  const skipped: SkippedFile[] = [];
  let analysed = 0;
  for (const src of sources) {
    const env = envFor(src.real);
    if (detectKind(src.path, src.text, env) === undefined) {
      // a candidate of no known kind is counted as not recognised (unless it has findings)
      if ((byFile.get(src.path) ?? []).length === 0) {
        skipped.push({ file: src.path, reason: 'unrecognised' });
      }
      continue;
    }
    const reason = skipReason(src.path, src.text, env) ?? ((byFile.get(src.path) ?? []).some((f) => f.ruleId === PARSE_ERROR) ? 'parse-error' : undefined);
    if (reason) {
      skipped.push({ file: src.path, reason });
    } else {
      analysed++;
    }
  }
  const texts = new Map(sources.map((src) => [src.path, src.text]));
  const stdout =
    options.format === 'json'
      ? JSON.stringify(toJson(results, skipped), null, 2) + '\n'
      : options.format === 'sarif'
        ? JSON.stringify(toSarif(results, VERSION, skipped), null, 2) + '\n'
        : options.format === 'github'
          ? toGithubCommands(results, skippedSummaryLine(analysed, countSkipped(skipped)))
          : options.format === 'gitlab'
            ? JSON.stringify(toGitlab(results, (file) => texts.get(file) ?? ''), null, 2) + '\n'
            : formatText(results, { analysed, skipped: countSkipped(skipped) }, { minSeverity: options.severity ?? 'warning' });
  // gitlab's report stays an array of issues: the skipped files are counted on stderr
  const summary = skippedSummaryLine(analysed, countSkipped(skipped));
  const stderr = options.format === 'gitlab' && summary ? `aurora-devops: ${summary}\n` : '';
  return { stdout, stderr, worst };
}

/** `check`'s arguments for these options. */
function args(options: Options): string[] {
  return ['check', '.', '--format', options.format, ...(options.severity ? ['--severity', options.severity] : []), ...(options.baseline ? ['--baseline', options.baseline] : [])];
}

/** SARIF names the working directory: the CLI ran in `dir`, the reference here. */
function inDir(stdout: string, dir: string): string {
  const uri = (d: string): string => JSON.stringify('file://' + encodeURI(d.split('\\').join('/').replace(/\/?$/, '/')));
  return stdout.split(uri(process.cwd())).join(uri(dir));
}

describe('check streams its report: the bytes of the whole-report path', () => {
  let dir = '';
  before(async () => {
    await ready();
    dir = fs.realpathSync(tempProject(project(), 'aurora-stream-'));
    enableWorkers(CORE);
  });
  after(() => {
    enableWorkers(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('in every format, with skipped files and --severity, on this thread and on workers', async () => {
    const cases: Options[] = [{ format: 'text' }, { format: 'text', severity: 'info' }, { format: 'text', severity: 'error' }, { format: 'json' }, { format: 'sarif' }, { format: 'github' }, { format: 'gitlab' }];
    const analysed = analyseAll(dir);
    // the tree is more than one batch, so the report is written in parts
    assert.ok(collectFiles([dir]).files.length > 250);
    for (const options of cases) {
      const expected = reference(analysed, options);
      for (const workers of ['0', '2']) {
        const env = { ...process.env, AURORA_WORKERS: workers };
        // the binary in a process of its own once: SARIF, the longest report, on worker threads
        const r = options.format === 'sarif' && workers === '2' ? runBuiltCli(args(options), dir, env) : await runCli(args(options), dir, env);
        assert.equal(r.stderr, expected.stderr, JSON.stringify(options));
        assert.equal(r.code, expected.worst >= 2 ? 1 : 0, JSON.stringify(options));
        assert.equal(r.stdout, inDir(expected.stdout, dir), `${JSON.stringify(options)}, AURORA_WORKERS=${workers}`);
      }
    }
  });

  it('with a baseline: the same findings hidden, the same said about them', async () => {
    const baseline = path.join(dir, 'aurora-baseline.json');
    // the binary in a process of its own, writing the baseline file
    const written = runBuiltCli(['check', '.', '--write-baseline', 'aurora-baseline.json'], dir, { ...process.env, AURORA_WORKERS: '2' });
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, '');
    // the recorded entries are those of every file, whatever batch analysed it
    const sources: JobFile[] = collectFiles([dir])
      .files.filter((f) => f !== baseline)
      .map((real) => ({ path: path.relative(dir, real), real, text: fs.readFileSync(real, 'utf8') }));
    const byFile = analyzeFiles(sources, {}, (p) => envFor(sources.find((s) => s.path === p)?.real ?? p));
    const entries = sources.flatMap((s) => entriesOf(baseline, s, byFile.get(s.path) ?? []));
    const recorded = readBaseline(baseline).findings;
    assert.ok(recorded.length > 100);
    assert.deepEqual(new Set(recorded.map((e) => JSON.stringify(e))), new Set(entries.map((e) => JSON.stringify(e))));
    assert.match(written.stderr, new RegExp(`^aurora-devops: wrote ${recorded.length} findings to aurora-baseline.json`));

    // one finding fixed in an early folder, one added in a late one
    writeFiles(dir, { 'svc-00/Dockerfile': 'FROM node:20\nCOPY app /app\n', 'svc-44/Dockerfile': 'FROM node:20\nADD app /app\nADD more /more\n' });
    const analysed = analyseAll(dir);
    for (const format of ['text', 'json', 'sarif', 'gitlab']) {
      const options = { format, baseline: 'aurora-baseline.json' };
      const expected = reference(analysed, { ...options, baseline });
      const r = await runCli(args(options), dir, { ...process.env, AURORA_WORKERS: '2' });
      assert.equal(r.stdout, inDir(expected.stdout, dir), format);
      assert.match(r.stderr, /^aurora-devops: baseline aurora-baseline\.json: \d+ known findings not reported; \d+ baselined findings are gone/, format);
      assert.equal(r.code, expected.worst >= 2 ? 1 : 0);
    }
  });
});
