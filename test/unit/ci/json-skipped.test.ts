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

describe('check --format json lists skipped files with their reason', () => {
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
      assert.match(text, /4 skipped \(2 Helm\/Go template, 1 does not parse, 1 excluded\)/);
      const sarif = JSON.parse((await runCli(['check', '.', '--format', 'sarif', '--exclude', 'fixtures', '--fail-on', 'never'], dir)).stdout) as { runs: { properties: { skipped: Record<string, number> } }[] };
      assert.deepEqual(sarif.runs[0].properties.skipped, { template: 2, 'parse-error': 1, excluded: 1 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
