import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { runCli, tempProject } from '../../helpers/cli';

interface JsonEntry {
  file: string;
  line: number;
  ruleId: string;
  severity: string;
  message: string;
  skipped?: string;
}

describe('check counts skipped files by reason in every format', () => {
  it('Helm templates and excluded files get a skipped/<reason> entry; too-large and unparsable files keep their finding', async () => {
    const dir = tempProject({
      'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      'chart/templates/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  ports: [{port: {{ .Values.port }}}]\n',
      'loose/render.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n{{- range .Values.items }}\n  {{ .key }}: {{ .value }}\n{{- end }}\n',
      'fixtures/Dockerfile': 'FROM alpine:latest\n',
      'broken/compose.yaml': 'services:\n  web:\n    image: [nginx\n',
      'Dockerfile': 'FROM alpine:3.20\nUSER app\n',
    });
    try {
      const r = await runCli(['check', '.', '--format', 'json', '--exclude', 'fixtures', '--fail-on', 'never'], dir);
      assert.equal(r.code, 0, r.stderr);
      const entries = JSON.parse(r.stdout) as JsonEntry[];
      const skipped = entries.filter((e) => e.skipped !== undefined).map((e) => [e.file, e.ruleId, e.severity, e.line, e.message]);
      assert.deepEqual(skipped, [
        ['chart/templates/service.yaml', 'skipped/template', 'info', 1, 'Not analysed: Helm/Go template'],
        ['loose/render.yaml', 'skipped/template', 'info', 1, 'Not analysed: Helm/Go template'],
        ['fixtures/Dockerfile', 'skipped/excluded', 'info', 1, 'Not analysed: excluded'],
      ]);
      // an unparsable file is there once, as its parse-error finding
      assert.deepEqual(entries.filter((e) => e.file === 'broken/compose.yaml').map((e) => e.ruleId), ['parse-error']);
      // the same files as the text summary and SARIF count
      const text = (await runCli(['check', '.', '--exclude', 'fixtures', '--fail-on', 'never'], dir)).stdout;
      // chart/Chart.yaml is YAML of no known kind: counted as not recognised, never listed
      assert.match(text, /5 skipped \(2 Helm\/Go template, 1 does not parse, 1 excluded, 1 not recognised\)/);
      assert.equal(entries.some((e) => e.file === 'chart/Chart.yaml'), false);
      const sarif = JSON.parse((await runCli(['check', '.', '--format', 'sarif', '--exclude', 'fixtures', '--fail-on', 'never'], dir)).stdout) as { runs: { properties: { skipped: Record<string, number> }; invocations: { toolExecutionNotifications: { descriptor: { id: string } }[] }[] }[] };
      assert.deepEqual(sarif.runs[0].properties.skipped, { template: 2, 'parse-error': 1, excluded: 1, unrecognised: 1 });
      assert.deepEqual(
        sarif.runs[0].invocations[0].toolExecutionNotifications.map((n) => n.descriptor.id),
        ['skipped/parse-error', 'skipped/template', 'skipped/template', 'skipped/excluded'],
      );
      // github: one notice annotation on the run (no file), after the findings' annotations
      const github = await runCli(['check', '.', '--format', 'github', '--exclude', 'fixtures', '--fail-on', 'never'], dir);
      assert.equal(github.stderr, '');
      const notices = github.stdout.split('\n').filter((l) => l.startsWith('::notice title='));
      assert.deepEqual(notices, ['::notice title=aurora-devops skipped files::1 file analysed; 5 not analysed: 2 Helm/Go template, 1 does not parse, 1 excluded, 1 not recognised']);
      assert.ok(github.stdout.includes('::error file=broken/compose.yaml'), github.stdout);
      // gitlab: the Code Quality report stays an array of issues (none for skipped files); the count goes to stderr
      const gitlab = await runCli(['check', '.', '--format', 'gitlab', '--exclude', 'fixtures', '--fail-on', 'never'], dir);
      const issues = JSON.parse(gitlab.stdout) as { check_name: string; location: { path: string } }[];
      assert.ok(Array.isArray(issues) && issues.length > 0);
      assert.equal(issues.some((i) => i.check_name.startsWith('skipped/')), false);
      assert.equal(gitlab.stderr, 'aurora-devops: 1 file analysed; 5 not analysed: 2 Helm/Go template, 1 does not parse, 1 excluded, 1 not recognised\n');
      // nothing skipped: no notice, nothing on stderr
      const clean = tempProject({ Dockerfile: 'FROM alpine:3.20\nUSER app\n' });
      try {
        assert.equal((await runCli(['check', '.', '--format', 'github', '--fail-on', 'never'], clean)).stdout.includes('::notice title=aurora-devops skipped'), false);
        assert.equal((await runCli(['check', '.', '--format', 'gitlab', '--fail-on', 'never'], clean)).stderr, '');
      } finally {
        fs.rmSync(clean, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
