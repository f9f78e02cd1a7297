import * as path from 'path';
import * as vscode from 'vscode';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import { detectKind, skipReason } from '../core';
import { readSettings } from './config';
import { DiagnosticsManager, envFor, errorText, isSkipped } from './diagnostics';
import { DisposableStore } from './disposables';

/**
 * Names of the files a scan reads: Dockerfiles, Terraform and every YAML file (the content
 * decides whether a YAML file is Kubernetes, Compose, a workflow, ...).
 */
export const CANDIDATE_GLOB = '**/{Dockerfile,Dockerfile.*,Containerfile,Containerfile.*,dockerfile,*.dockerfile,*.Dockerfile,*.containerfile,*.tf,*.yaml,*.yml}';

/** Most files one scan reads per workspace folder. */
const MAX_FILES = 20_000;

/** Files read in parallel. */
const READ_BATCH = 64;

/** Outcome of a scan. */
export interface ScanResult {
  files: number;
  problems: number;
  cancelled: boolean;
  /**
   * Infrastructure files found but not analysed, by reason: `excluded` (aurora.exclude or
   * aurora.yaml's exclude:), `template` (Helm/Go), `too-large`, `binary`.
   */
  skipped: Record<string, number>;
}

/** `3 skipped (2 excluded, 1 template)`, or '' when nothing was skipped. */
export function skippedSummary(skipped: Readonly<Record<string, number>>): string {
  const parts = Object.entries(skipped).filter(([, n]) => n > 0);
  const total = parts.reduce((sum, [, n]) => sum + n, 0);
  return total === 0 ? '' : `${total} skipped (${parts.map(([reason, n]) => `${n} ${reason}`).join(', ')})`;
}

/**
 * .gitignore files of a workspace folder, read on demand and cached, applied the way git does:
 * each file's patterns are relative to its folder.
 */
class GitIgnores {
  private readonly cache = new Map<string, Promise<Ignore | undefined>>();

  constructor(private readonly root: vscode.Uri) {}

  private forDir(dirPath: string): Promise<Ignore | undefined> {
    let p = this.cache.get(dirPath);
    if (!p) {
      p = Promise.resolve(vscode.workspace.fs.readFile(this.root.with({ path: path.posix.join(dirPath, '.gitignore') }))).then(
        (bytes) => ignore().add(new TextDecoder().decode(bytes)),
        () => undefined,
      );
      this.cache.set(dirPath, p);
    }
    return p;
  }

  /** Whether `uri` (inside the root) is ignored by a .gitignore on its way down. */
  async ignores(uri: vscode.Uri): Promise<boolean> {
    const rel = path.posix.relative(this.root.path, uri.path);
    const parts = rel.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = path.posix.join(this.root.path, ...parts.slice(0, i));
      const ig = await this.forDir(dir);
      if (!ig) {
        continue;
      }
      // test the path and every parent folder below this .gitignore's folder
      const below = parts.slice(i);
      for (let j = 1; j <= below.length; j++) {
        const candidate = below.slice(0, j).join('/') + (j < below.length ? '/' : '');
        if (ig.ignores(candidate)) {
          return true;
        }
      }
    }
    return false;
  }
}

/**
 * "Aurora: Scan Workspace": finds every infrastructure file of each workspace folder (open or
 * not, honouring files.exclude, aurora.exclude and .gitignore), analyses them and keeps the
 * results current with file system watchers.
 */
export class WorkspaceScanner implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private running: Promise<ScanResult> | undefined;

  constructor(
    private readonly diagnostics: DiagnosticsManager,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = this.store.add(vscode.workspace.createFileSystemWatcher(CANDIDATE_GLOB));
    this.store.add(watcher.onDidCreate((uri) => this.onFileChanged(uri)));
    this.store.add(watcher.onDidChange((uri) => this.onFileChanged(uri)));
    this.store.add(watcher.onDidDelete((uri) => this.onFileDeleted(uri)));
  }

  /** Run a scan with a progress notification (one at a time: a second call joins the first). */
  scanWithProgress(): Promise<ScanResult> {
    if (!this.running) {
      this.running = Promise.resolve(
        vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Aurora: scanning the workspace'), cancellable: true },
          (progress, token) => this.scan(progress, token),
        ),
      ).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  /** Scan every workspace folder. */
  async scan(progress?: vscode.Progress<{ message?: string; increment?: number }>, token?: vscode.CancellationToken): Promise<ScanResult> {
    const started = Date.now();
    const folders = vscode.workspace.workspaceFolders ?? [];
    let files = 0;
    const skipped: Record<string, number> = {};
    const skip = (reason: string): void => {
      skipped[reason] = (skipped[reason] ?? 0) + 1;
    };
    await this.diagnostics.ensureReady();
    for (const folder of folders) {
      if (token?.isCancellationRequested) {
        break;
      }
      if (!readSettings(folder.uri).enable) {
        continue;
      }
      progress?.report({ message: vscode.l10n.t('finding files in {0}', folder.name) });
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, CANDIDATE_GLOB), undefined, MAX_FILES, token);
      const gitignores = new GitIgnores(folder.uri);
      const kept: vscode.Uri[] = [];
      const excluded: vscode.Uri[] = [];
      for (const uri of found) {
        if (await gitignores.ignores(uri)) {
          continue;
        }
        ((await this.diagnostics.excluded(uri)) ? excluded : kept).push(uri);
      }
      kept.sort((a, b) => a.path.localeCompare(b.path));
      const read: { uri: vscode.Uri; text: string }[] = [];
      for (let i = 0; i < kept.length; i += READ_BATCH) {
        if (token?.isCancellationRequested) {
          break;
        }
        const batch = kept.slice(i, i + READ_BATCH);
        const texts = await Promise.all(
          batch.map((uri) =>
            vscode.workspace.fs.readFile(uri).then(
              (bytes) => ({ uri, text: new TextDecoder().decode(bytes) }),
              (e: unknown) => {
                this.log.warn(`cannot read ${uri.fsPath}: ${errorText(e)}`);
                return undefined;
              },
            ),
          ),
        );
        for (const t of texts) {
          if (t) {
            read.push(t);
            const reason = skipReason(t.uri.fsPath, t.text, envFor(t.uri.fsPath));
            if (reason) {
              skip(reason);
            }
          }
        }
        progress?.report({ message: vscode.l10n.t('{0}: read {1} of {2} files', folder.name, Math.min(i + READ_BATCH, kept.length), kept.length) });
      }
      if (token?.isCancellationRequested) {
        break;
      }
      // excluded files are not analysed, but the infrastructure files among them are counted
      for (let i = 0; i < excluded.length; i += READ_BATCH) {
        const kinds = await Promise.all(
          excluded.slice(i, i + READ_BATCH).map((uri) =>
            detectKind(uri.fsPath) !== undefined
              ? true
              : vscode.workspace.fs.readFile(uri).then(
                  (bytes) => detectKind(uri.fsPath, new TextDecoder().decode(bytes.subarray(0, 65_536)), envFor(uri.fsPath)) !== undefined,
                  () => false,
                ),
          ),
        );
        kinds.filter(Boolean).forEach(() => skip('excluded'));
      }
      this.diagnostics.setDiskFiles(folder.uri, read);
      this.diagnostics.scanned = true;
      await this.diagnostics.analyzeDisk(
        read.map((r) => r.uri),
        token,
      );
      files += read.length;
      progress?.report({ increment: 100 / folders.length });
    }
    const cancelled = token?.isCancellationRequested ?? false;
    const c = this.diagnostics.counts();
    const problems = c.errors + c.warnings + c.infos;
    const skippedText = skippedSummary(skipped);
    this.log.info(`scan ${cancelled ? 'cancelled' : 'done'}: ${files} files, ${problems} problems${skippedText ? `; ${skippedText}` : ''} in ${Date.now() - started} ms`);
    return { files, problems, cancelled, skipped };
  }

  private onFileChanged(uri: vscode.Uri): void {
    if (!this.diagnostics.scanned || uri.scheme !== 'file') {
      return;
    }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || isSkipped(uri)) {
      return;
    }
    void (async () => {
      if (!(await new GitIgnores(folder.uri).ignores(uri)) && !(await this.diagnostics.excluded(uri))) {
        await this.diagnostics.refreshFromDisk(uri);
      }
    })();
  }

  private onFileDeleted(uri: vscode.Uri): void {
    if (this.diagnostics.scanned) {
      this.diagnostics.forgetDiskFile(uri);
    }
  }

  dispose(): void {
    this.store.dispose();
  }
}
