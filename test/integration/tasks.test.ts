import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseAllDocuments } from 'yaml';
import type { AuroraApi } from '../../src/extension';
import type { Finding } from '../../src/core';
import type { GeneratePlan, PinPlan, ScanOutcome } from '../../src/vscode/tasks';
import { fakeGitHub, fakeRegistry } from '../helpers/fakeRegistry';
import type { FakeServer } from '../helpers/fakeRegistry';
import { activate, closeAll, readFile, waitFor, writeFile, wsUri } from './helpers';

/** Findings that would show as warnings or errors. */
function serious(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} (${f.range.start.line + 1}): ${f.message}`);
}

/** Open every file of a plan (so Kubernetes files are checked together) and return its serious findings by path. */
async function seriousFindings(api: AuroraApi, uris: readonly vscode.Uri[]): Promise<Record<string, string[]>> {
  for (const uri of uris) {
    await vscode.workspace.openTextDocument(uri);
  }
  const out: Record<string, string[]> = {};
  for (const uri of uris) {
    const s = serious(await api.tasks.findingsOf(uri));
    if (s.length > 0) {
      out[vscode.workspace.asRelativePath(uri)] = s;
    }
  }
  return out;
}

/** Every generated YAML file parses without errors. */
async function assertYamlParses(uris: readonly vscode.Uri[]): Promise<void> {
  for (const uri of uris.filter((u) => /\.ya?ml$/.test(u.path))) {
    const docs = parseAllDocuments(await readFile(uri));
    const errors = (Array.isArray(docs) ? docs : [docs]).flatMap((d) => d.errors.map((e) => e.message));
    assert.deepStrictEqual(errors, [], `${uri.path} parses`);
  }
}

/** Run a command that opens the refactor preview and press `button` (apply or discard) until the command returns. */
async function runThroughPreview<T>(command: string, arg: unknown, button: 'apply' | 'discard'): Promise<T | undefined> {
  let settled = false;
  const running = Promise.resolve(vscode.commands.executeCommand<T>(command, arg)).finally(() => {
    settled = true;
  });
  await waitFor(`the refactor preview of ${command} (${button})`, async () => {
    if (!settled) {
      await vscode.commands.executeCommand(`refactorPreview.${button}`).then(undefined, () => undefined);
    }
    return settled;
  });
  return running;
}

function generatedUris(plan: GeneratePlan): vscode.Uri[] {
  return plan.files.map((f) => vscode.Uri.joinPath(plan.folder, ...f.path.split('/')));
}

suite('command-palette tasks', () => {
  let api: AuroraApi;
  suiteSetup(async () => {
    api = await activate();
    // the fixers work from the scanned diagnostics
    await api.scanWorkspace();
  });
  teardown(async () => {
    await closeAll();
  });

  test('registers every task command', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['containerize', 'generatePipeline', 'generateK8s', 'generateTerraform', 'fixAllInWorkspace', 'addResourceLimits', 'pinImages', 'pinActions', 'scanImage']) {
      assert.ok(commands.includes(`aurora.${id}`), `aurora.${id} is registered`);
    }
  });

  for (const project of ['node', 'python']) {
    test(`Containerize Project writes a Dockerfile, .dockerignore and compose.yaml for the ${project} sample that pass our checks`, async () => {
      const folder = wsUri('tasks', project);
      const result = await vscode.commands.executeCommand<{ plan: GeneratePlan; applied: boolean }>('aurora.containerize', { folder });
      assert.ok(result, 'the command returns its plan');
      assert.strictEqual(result.applied, true);
      assert.strictEqual(result.plan.stack.language, project);
      assert.deepStrictEqual(result.plan.files.map((f) => f.path), ['Dockerfile', '.dockerignore', 'compose.yaml']);
      assert.ok(result.plan.changes.every((c) => c.create !== undefined && !c.needsConfirmation), 'only new files: no confirmation needed');
      const uris = generatedUris(result.plan);
      for (const [i, uri] of uris.entries()) {
        assert.strictEqual(await readFile(uri), result.plan.files[i].text, `${uri.path} written as generated`);
      }
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), wsUri('tasks', project, 'Dockerfile').toString(), 'the Dockerfile is opened');
      await assertYamlParses(uris);
      assert.deepStrictEqual(await seriousFindings(api, uris.filter((u) => !u.path.endsWith('.dockerignore'))), {});
    });
  }

  test('a folder without a project manifest: an error, nothing written', async () => {
    const folder = wsUri('tasks', 'scan');
    await assert.rejects(api.tasks.planGenerate('containerize', folder), /no package\.json, requirements\.txt, pyproject\.toml, go\.mod, pom\.xml or build\.gradle found/);
    assert.strictEqual(await vscode.commands.executeCommand('aurora.containerize', { folder }), undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(wsUri('tasks', 'scan', 'compose.yaml'))));
  });

  test('an existing file is replaced only through the preview, and discarding it writes nothing', async () => {
    const folder = wsUri('tasks', 'existing');
    const dockerfile = wsUri('tasks', 'existing', 'Dockerfile');
    const before = await readFile(dockerfile);
    const plan = await api.tasks.planGenerate('containerize', folder);
    const existing = plan.changes.find((c) => c.uri.toString() === dockerfile.toString());
    assert.ok(existing, 'the Dockerfile is part of the plan');
    assert.strictEqual(existing.create, undefined, 'not created again');
    assert.strictEqual(existing.needsConfirmation, true, 'replacing it needs confirmation');
    assert.strictEqual(existing.edits.length, 1);
    assert.strictEqual(existing.edits[0].newText, plan.files[0].text);
    assert.ok(plan.changes.filter((c) => c !== existing).every((c) => c.create !== undefined && !c.needsConfirmation), 'the other files are new');

    // the real command: VS Code shows its refactor preview; the user discards it
    const result = await runThroughPreview<{ applied: boolean }>('aurora.containerize', { folder }, 'discard');
    assert.strictEqual(result?.applied, false, 'nothing applied');
    assert.strictEqual(await readFile(dockerfile), before, 'the Dockerfile is unchanged');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(wsUri('tasks', 'existing', 'compose.yaml'))), 'the discarded edit created nothing either');

    // again, and the user presses Apply without ticking the replacement: only the new files are written
    const again = await runThroughPreview<{ applied: boolean }>('aurora.containerize', { folder }, 'apply');
    assert.strictEqual(again?.applied, true);
    assert.strictEqual(await readFile(dockerfile), before, 'the unticked replacement was not applied');
    assert.strictEqual(await readFile(wsUri('tasks', 'existing', 'compose.yaml')), plan.files[2].text, 'the new files were created');
    assert.strictEqual(await readFile(wsUri('tasks', 'existing', '.dockerignore')), plan.files[1].text);
  });

  test('CI pipelines (GitHub, GitLab), Kubernetes manifests and Terraform skeleton are generated and pass our checks', async () => {
    const folder = wsUri('tasks', 'node');
    const pipeline = await api.tasks.planGenerate('pipeline', folder, { provider: 'github' });
    assert.deepStrictEqual(pipeline.files.map((f) => f.path), ['.github/workflows/ci.yml']);
    const k8s = await api.tasks.planGenerate('k8s', folder, { hpa: true });
    assert.ok(k8s.files.some((f) => f.path === 'k8s/hpa.yaml'), 'HPA on request');
    assert.ok(k8s.files.some((f) => f.path === 'k8s/pdb.yaml'), 'PDB always');
    const gitlab = await api.tasks.planGenerate('pipeline', wsUri('tasks', 'python'), { provider: 'gitlab' });
    assert.deepStrictEqual(gitlab.files.map((f) => f.path), ['.gitlab-ci.yml']);
    const terraform = await api.tasks.planGenerate('terraform', folder, { provider: 'aws' });
    assert.deepStrictEqual(terraform.files.map((f) => f.path), ['terraform/versions.tf', 'terraform/providers.tf', 'terraform/variables.tf', 'terraform/main.tf', 'terraform/outputs.tf']);
    for (const plan of [pipeline, gitlab, k8s, terraform]) {
      assert.ok(plan.changes.every((c) => c.create !== undefined), `${plan.kind}: only new files`);
      assert.strictEqual(await api.tasks.applyPlan(plan, false), true, `${plan.kind} applied`);
      const uris = generatedUris(plan);
      await assertYamlParses(uris);
      assert.deepStrictEqual(await seriousFindings(api, uris), {}, `${plan.kind} passes our checks`);
    }
    // a second run finds everything up to date
    const again = await api.tasks.planGenerate('k8s', folder, { hpa: true });
    assert.deepStrictEqual(again.changes, []);
    assert.match(again.summary, /already up to date/);
  });

  test('Fix All in Workspace: every safe fix of several files in one edit, findings go down', async () => {
    const folder = wsUri('tasks', 'fixall');
    const dockerfile = wsUri('tasks', 'fixall', 'Dockerfile');
    const compose = wsUri('tasks', 'fixall', 'compose.yaml');
    await waitFor('diagnostics of the fix-all fixtures', () => vscode.languages.getDiagnostics(dockerfile).length > 0 && vscode.languages.getDiagnostics(compose).length > 0);
    const before = (await api.tasks.findingsOf(dockerfile)).length + (await api.tasks.findingsOf(compose)).length;
    const texts = [await readFile(dockerfile), await readFile(compose)];
    // the command shows every fix in the preview; discarding it changes nothing
    const discarded = await runThroughPreview<{ plan: { fixes: number; files: number }; applied: boolean }>('aurora.fixAllInWorkspace', { folder }, 'discard');
    assert.deepStrictEqual(discarded && { fixes: discarded.plan.fixes, files: discarded.plan.files, applied: discarded.applied }, { fixes: 3, files: 2, applied: false });
    assert.deepStrictEqual([await readFile(dockerfile), await readFile(compose)], texts);
    const plan = await api.tasks.planFixAll(folder);
    assert.strictEqual(plan.fixes, 3, plan.summary);
    assert.strictEqual(plan.files, 2);
    assert.strictEqual(plan.summary, '3 fixes in 2 files');
    assert.ok(plan.changes.every((c) => c.needsConfirmation), 'every entry needs confirmation in the preview');
    assert.deepStrictEqual(
      plan.changes.flatMap((c) => c.edits.map((e) => e.label)).sort(),
      ['compose/obsolete-version', 'dockerfile/add-instead-of-copy', 'dockerfile/maintainer-deprecated'],
      'one preview label per rule',
    );
    assert.strictEqual(await api.tasks.applyPlan(plan, false), true);
    assert.strictEqual(
      await readFile(dockerfile),
      'FROM ubuntu:24.04\nLABEL maintainer="ops@example.com"\nRUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\nADD app.tar /opt/app/\nCOPY config.json /etc/app/config.json\nUSER 10001\nCMD ["/opt/app/run"]\n',
    );
    assert.strictEqual(await readFile(compose), 'services:\n  web:\n    image: nginx:1.27.3\n    restart: unless-stopped\n');
    const after = (await api.tasks.findingsOf(dockerfile)).length + (await api.tasks.findingsOf(compose)).length;
    assert.strictEqual(after, before - 3);
    const rest = await api.tasks.planFixAll(folder);
    assert.strictEqual(rest.fixes, 0, 'nothing safe is left');
  });

  test('Add Resource Limits to All Workloads: the missing-* findings disappear', async () => {
    const folder = wsUri('tasks', 'resources');
    const deployment = wsUri('tasks', 'resources', 'deployment.yaml');
    const compose = wsUri('tasks', 'resources', 'compose.yaml');
    const resourceRules = /^kubernetes\/missing-(cpu|memory)-(request|limit)$|^compose\/no-resource-limits$/;
    const count = async (): Promise<number> => [...(await api.tasks.findingsOf(deployment)), ...(await api.tasks.findingsOf(compose))].filter((f) => resourceRules.test(f.ruleId)).length;
    await waitFor('diagnostics of the resources fixtures', () => vscode.languages.getDiagnostics(deployment).length > 0 && vscode.languages.getDiagnostics(compose).length > 0);
    assert.strictEqual(await count(), 8, 'orders misses four values, proxy three, the worker service its limits');
    const plan = await api.tasks.planResourceLimits(folder);
    assert.strictEqual(plan.fixes, 3, plan.summary);
    assert.strictEqual(plan.files, 2);
    assert.strictEqual(plan.skipped, 0, 'the rules share one fix per container');
    assert.ok(plan.changes.every((c) => c.needsConfirmation));
    assert.strictEqual(await api.tasks.applyPlan(plan, false), true);
    assert.strictEqual(await count(), 0);
    const text = await readFile(deployment);
    // the proxy's own CPU request becomes its limit; the defaults fill the rest
    assert.match(text, /- name: proxy\n {10}image: envoyproxy\/envoy:v1\.32\.3\n {10}resources:\n {12}requests:\n {14}cpu: 50m\n {14}memory: 128Mi\n {12}limits:\n {14}cpu: 50m\n {14}memory: 256Mi\n/);
    assert.match(await readFile(compose), /deploy:\n {6}resources:\n {8}limits:\n/);
  });

  suite('pinning against loopback fakes', () => {
    const NODE = `sha256:${'1'.repeat(64)}`;
    const CHECKOUT = 'c'.repeat(40);
    let registry: FakeServer;
    let github: FakeServer;
    suiteSetup(async () => {
      registry = await fakeRegistry({ 'library/node:20': NODE });
      github = await fakeGitHub({ tags: { 'actions/checkout@v4': { type: 'commit', sha: CHECKOUT } } });
      process.env.AURORA_TEST_REGISTRY_URL = registry.url;
      process.env.AURORA_TEST_GITHUB_API = github.url;
    });
    suiteTeardown(async () => {
      delete process.env.AURORA_TEST_REGISTRY_URL;
      delete process.env.AURORA_TEST_GITHUB_API;
      await registry.close();
      await github.close();
    });

    test('Pin Images resolves through the fake registry (token flow) and pins the Dockerfile', async () => {
      const folder = wsUri('tasks', 'pin');
      const plan: PinPlan = await api.tasks.planPin(folder, 'images');
      assert.strictEqual(plan.pinned, 1, plan.details.join('\n'));
      assert.strictEqual(plan.failed, 0);
      assert.strictEqual(plan.configFile, 'tasks/pin/aurora.yaml');
      assert.ok(plan.changes.every((c) => c.needsConfirmation));
      assert.ok(registry.requests.some((r) => r.startsWith('GET /token')), 'the anonymous token flow was used');
      assert.strictEqual(await api.tasks.applyPlan(plan, false), true);
      assert.strictEqual(await readFile(wsUri('tasks', 'pin', 'Dockerfile')), `FROM node:20@${NODE}\nUSER node\nCMD ["node", "index.js"]\n`);
    });

    test('Pin Actions to Commit SHAs keeps the tag as a comment', async () => {
      const plan = await api.tasks.planPin(wsUri('tasks', 'pin'), 'actions');
      assert.strictEqual(plan.pinned, 1, plan.details.join('\n'));
      assert.strictEqual(await api.tasks.applyPlan(plan, false), true);
      assert.match(await readFile(wsUri('tasks', 'pin', '.github', 'workflows', 'ci.yml')), new RegExp(`^ {6}- uses: actions/checkout@${CHECKOUT} # v4$`, 'm'));
    });

    test('a host aurora.yaml does not allow: nothing to apply, the message names the host', async () => {
      const before = registry.requests.length;
      const result = await vscode.commands.executeCommand<{ plan: PinPlan; applied: boolean; message: string }>('aurora.pinImages', { folder: wsUri('tasks', 'pin-denied') });
      assert.ok(result);
      assert.strictEqual(result.applied, false);
      assert.deepStrictEqual(result.plan.changes, []);
      assert.deepStrictEqual(result.plan.allowHosts, ['registry-1.docker.io']);
      assert.match(result.message, /registry-1\.docker\.io/);
      assert.match(result.message, /permissions\.network in tasks\/pin-denied\/aurora\.yaml/);
      assert.strictEqual(registry.requests.length, before, 'the fake registry was not contacted');
    });

    test('offline: an allowed registry that does not answer gives a clear failure and no edit', async () => {
      // a closed loopback port stands for a machine without network
      process.env.AURORA_TEST_REGISTRY_URL = 'http://127.0.0.1:9';
      try {
        await writeFile('tasks/pin/offline/Dockerfile', 'FROM alpine:3.21\n');
        const result = await vscode.commands.executeCommand<{ plan: PinPlan; applied: boolean; message: string }>('aurora.pinImages', { folder: wsUri('tasks', 'pin', 'offline') });
        assert.ok(result);
        assert.strictEqual(result.plan.configFile, 'tasks/pin/aurora.yaml', 'the nearest aurora.yaml above the folder');
        assert.strictEqual(result.plan.failed, 1, result.plan.details.join('\n'));
        assert.deepStrictEqual(result.plan.changes, []);
        assert.strictEqual(result.applied, false);
        assert.match(result.message, /could not be resolved \(offline\?\)/);
        assert.match(result.message, /registry-1\.docker\.io/);
      } finally {
        process.env.AURORA_TEST_REGISTRY_URL = registry.url;
      }
    });
  });

  test('Scan Image with no scanner on PATH says how to install one', async () => {
    const result = await vscode.commands.executeCommand<ScanOutcome>('aurora.scanImage', { uri: wsUri('tasks', 'scan', 'Dockerfile'), pathEnv: '/nonexistent-aurora-path' });
    assert.ok(result);
    assert.strictEqual(result.status, 'no-scanner');
    assert.deepStrictEqual(result.images, ['nginx:1.27.3']);
    assert.match(result.message, /Trivy/);
    assert.match(result.message, /Grype/);
  });

  test('Scan Image finds an installed scanner and runs nothing until the user confirms the exact command', async function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-scanner-'));
    const marker = path.join(dir, 'ran');
    try {
      fs.writeFileSync(path.join(dir, 'trivy'), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
      // modal dialogs are refused in extension tests: this stands for the user pressing Cancel
      const result = await vscode.commands.executeCommand<ScanOutcome>('aurora.scanImage', { uri: wsUri('tasks', 'scan', 'Dockerfile'), pathEnv: dir });
      assert.ok(result);
      assert.strictEqual(result.status, 'cancelled');
      assert.deepStrictEqual(result.images, ['nginx:1.27.3']);
      assert.strictEqual(fs.existsSync(marker), false, 'the scanner did not run');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
