import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeFiles } from '../../src/core';
import type { Finding, Severity } from '../../src/core';
import { countSkipped, formatText, skippedSummaryLine, toJson, toSarif } from '../../src/cli/format';
import type { FileFindings, SkippedFile } from '../../src/cli/format';
import { toGithubCommands } from '../../src/cli/formats/github';
import { toGitlab } from '../../src/cli/formats/gitlab';
import { fingerprintsOf } from '../../src/node/fingerprint';
import { createReporter } from '../../src/cli/report';
import type { ReportFormat } from '../../src/cli/report';
import { ready, repoRoot } from '../helpers/core';
import { builtCliEnv } from '../helpers/cli';

// `check` writes its report file by file as folders are analysed (src/cli/report.ts). The bytes
// must be those of the whole-report formatters: formatText, toGithubCommands and
// JSON.stringify(toJson|toSarif|toGitlab, null, 2).

const FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'github', 'gitlab'];

/** A file's text, for the gitlab fingerprints: made up from its path (any text will do). */
const textOf = (file: string): string => `${file}\n`.repeat(400);

function buffered(format: ReportFormat, results: FileFindings[], analysed: number, skipped: SkippedFile[] = [], minSeverity: Severity = 'warning'): string {
  switch (format) {
    case 'json':
      return JSON.stringify(toJson(results, skipped), null, 2) + '\n';
    case 'sarif':
      return JSON.stringify(toSarif(results, '9.9.9', skipped), null, 2) + '\n';
    case 'github':
      return toGithubCommands(results, skippedSummaryLine(analysed, countSkipped(skipped)));
    case 'gitlab':
      return JSON.stringify(toGitlab(results, textOf), null, 2) + '\n';
    default:
      return formatText(results, { analysed, skipped: countSkipped(skipped) }, { minSeverity });
  }
}

function streamed(format: ReportFormat, results: FileFindings[], analysed: number, skipped: SkippedFile[] = [], minSeverity: Severity = 'warning'): string {
  const reporter = createReporter(format, { version: '9.9.9', minSeverity });
  let out = '';
  for (const r of results) {
    out += reporter.file(r.file, r.findings, reporter.needsPrints ? fingerprintsOf(r.file, textOf(r.file), r.findings) : undefined);
  }
  return out + [...reporter.end({ analysed, skipped })].join('');
}

function examples(): FileFindings[] {
  const files: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(full);
      } else {
        files.push({ path: path.relative(repoRoot(), full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(path.join(repoRoot(), 'examples'));
  const byFile = analyzeFiles(files, {});
  return files.map((f) => ({ file: f.path, findings: byFile.get(f.path) ?? [] })).filter((r) => r.findings.length > 0);
}

describe('the streamed report', () => {
  before(ready);

  it('is byte-identical to the buffered report in every format', () => {
    const results = examples();
    assert.ok(results.length > 5);
    assert.ok(results.some((r) => r.findings.some((f) => f.related && f.related.length > 0)), 'a finding with related locations');
    const skipped: SkippedFile[] = [
      { file: 'chart/templates/a b.yaml', reason: 'template' },
      { file: 'bad.tf', reason: 'parse-error' },
    ];
    for (const format of FORMATS) {
      assert.equal(streamed(format, results, 25), buffered(format, results, 25), format);
      assert.equal(streamed(format, results, 25, skipped, 'info'), buffered(format, results, 25, skipped, 'info'), `${format}, skipped files, --severity info`);
      assert.equal(streamed(format, results, 25, skipped, 'error'), buffered(format, results, 25, skipped, 'error'), `${format}, skipped files, --severity error`);
      // one finding, and a path that needs escaping in URIs and JSON
      const one: Finding = { ...results[0].findings[0], message: 'a "quoted"\nmessage\u0000' };
      const odd = [{ file: 'dir with space/ä"b/Dockerfile', findings: [one] }];
      assert.equal(streamed(format, odd, 1), buffered(format, odd, 1), `${format}, one odd finding`);
    }
  });

  it('is byte-identical when there is nothing to report', () => {
    for (const format of FORMATS) {
      assert.equal(streamed(format, [], 0), buffered(format, [], 0), format);
      assert.equal(streamed(format, [], 3), buffered(format, [], 3), format);
      assert.equal(streamed(format, [], 3, [{ file: 'x/Chart/templates/s.yaml', reason: 'template' }]), buffered(format, [], 3, [{ file: 'x/Chart/templates/s.yaml', reason: 'template' }]), format);
    }
  });

  it('check reports files in path order when folders interleave', () => {
    // folders interleave in path order (a/Dockerfile, a/b/…, a/c.yaml): the report must follow it
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-report-'));
    try {
      const write = (rel: string, text: string): void => {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), text);
      };
      write('a/Dockerfile', 'FROM ubuntu\nRUN apt-get install curl\n');
      write('a/b/Dockerfile', 'FROM nginx\n');
      write('a/b/c/main.tf', 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl = "public-read"\n}\n');
      write('a/compose.yaml', 'services:\n  web:\n    image: nginx\n    privileged: true\n');
      write('z/Dockerfile', 'FROM alpine\n');
      const r = spawnSync(process.execPath, [path.join(repoRoot(), 'dist', 'cli.js'), 'check', '--format', 'json', '--fail-on', 'never', '.'], { cwd: dir, env: builtCliEnv(), encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file);
      const order = [...new Set(files)];
      assert.deepEqual(order, [...order].sort());
      assert.ok(order.includes('a/compose.yaml') && order.includes('a/b/c/main.tf'), order.join(' '));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
