import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AuroraApi, AuroraShell } from '../../src/extension';

/** The extension's id (publisher.name). */
export const EXTENSION_ID = 'aurora-devops.aurora-devops';

/** The single workspace folder the runner opens. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens a workspace folder');
  return folder.uri;
}

/** A URI inside the workspace. */
export function wsUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

/**
 * Whether this extension host recorded the activation times already. Each test file is bundled
 * with its own copy of these helpers, so the flag lives on the host's global object: the first
 * activate() of a suite records (and times a first analysis), the others do not.
 */
const host = globalThis as { auroraActivationRecorded?: boolean };

/**
 * Activate the extension, wait until it has started (dist/main.js loaded) and return its API.
 * The first call of a suite records the activation times in AURORA_ACTIVATION_FILE (the runner
 * sets one per suite; `npm run bench` reports them).
 */
export async function activate(): Promise<AuroraApi> {
  const ext = vscode.extensions.getExtension<AuroraShell>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is loaded`);
  const api = await (await ext.activate()).ready();
  const out = process.env.AURORA_ACTIVATION_FILE;
  if (out && !host.auroraActivationRecorded) {
    host.auroraActivationRecorded = true;
    const firstDiagnosticsMs = await timeFirstDiagnostics();
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ ...api.times, firstDiagnosticsMs, vscode: vscode.version, recorded: new Date().toISOString() }) + '\n');
  }
  return api;
}

/**
 * Right after activation, the time from opening a Dockerfile to its first Aurora diagnostics: the
 * first analysis of a session, so it includes loading the parsers it needs (dockerfile-ast and
 * the bash grammar for its RUN lines). The file is written first, then opened; it is closed and
 * deleted afterwards, so the suite's own tests see the workspace as before.
 */
async function timeFirstDiagnostics(): Promise<number> {
  // a text of its own, so no analysis of an earlier copy can stand in for this one
  const uri = await writeFile('.aurora-first-diagnostics/Dockerfile', `# timed at ${Date.now()}\nFROM ubuntu\nRUN apt-get update && apt-get install curl\nUSER root\n`);
  const key = uri.toString();
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const seen = new Promise<number>((resolve) => {
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key) && auroraDiagnostics(uri).length > 0) {
        resolve(Date.now());
      }
    });
  });
  try {
    const opened = Date.now();
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const timeout = new Promise<never>((_r, reject) => {
      timer = setTimeout(() => reject(new Error('no diagnostics on the first Dockerfile within 30 s')), 30_000);
    });
    return (await Promise.race([seen, timeout])) - opened;
  } finally {
    clearTimeout(timer);
    sub?.dispose();
    await closeAll();
    await vscode.workspace.fs.delete(wsUri('.aurora-first-diagnostics'), { recursive: true });
  }
}

/** Write a file in the workspace (creating folders) and return its URI. */
export async function writeFile(rel: string, text: string): Promise<vscode.Uri> {
  const uri = wsUri(...rel.split('/'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Read a workspace file from disk. */
export async function readFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Write a file and open it in an editor. */
export async function openFile(rel: string, text: string): Promise<vscode.TextDocument> {
  const uri = await writeFile(rel, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Aurora's diagnostics of a file. */
export function auroraDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'aurora');
}

/** The rule id of a diagnostic. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

/** Aurora diagnostics of one rule. */
export function ofRule(uri: vscode.Uri, ruleId: string): vscode.Diagnostic[] {
  return auroraDiagnostics(uri).filter((d) => codeOf(d) === ruleId);
}

/** Poll until `check` returns a value that is not undefined/false, or fail with `what`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined | false;
  while (Date.now() < deadline) {
    last = await check();
    if (last !== undefined && last !== false) {
      return last;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Wait until a rule has exactly `count` diagnostics on a file, and return them. */
export function waitForRule(uri: vscode.Uri, ruleId: string, count: number, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(`${count} × ${ruleId} on ${vscode.workspace.asRelativePath(uri)} (now ${ofRule(uri, ruleId).length})`, () => {
    const d = ofRule(uri, ruleId);
    return d.length === count ? d : undefined;
  }, timeoutMs);
}

/** Code actions VS Code collects from every provider for a range (optionally of one kind). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind?.value);
  return (all ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('arguments' in a && !('kind' in a)));
}

/** Close every editor (keeps tests independent). */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Set an `aurora.*` setting at workspace level, or remove it with undefined. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('aurora').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Compare a VS Code range with [startLine, startChar, endLine, endChar]. */
export function rangeOf(r: vscode.Range): [number, number, number, number] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}
