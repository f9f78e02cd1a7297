import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { analyzeFiles, detectKind, FOLDER_KINDS } from '../core';
import type { AnalyzeEnv, FileKind, Finding, SourceFile } from '../core';
import { configureNodeWasm, grammarsLoaded, loadGrammarsFor, prepareNode } from '../node/wasm';
import { baselined, baselineKey } from '../node/baseline';
import { hostEnv } from '../node/env';
import { ConfigStore, isExcluded, readSettings } from './config';
import { toDiagnostic } from './convert';
import { DisposableStore } from './disposables';

/** Debounce of on-type analysis. */
export const LINT_DELAY_MS = 300;

/** Schemes whose documents are analysed (the extension host sees workspace files as `file`). */
const SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled']);

/** A path the core can detect the kind of, for an untitled document by its language. */
function analysisPath(doc: { uri: vscode.Uri; languageId?: string }): string | undefined {
  if (doc.uri.scheme === 'file') {
    return doc.uri.fsPath;
  }
  if (doc.uri.scheme === 'untitled') {
    switch (doc.languageId) {
      case 'dockerfile':
        return 'Dockerfile';
      case 'terraform':
        return 'main.tf';
      case 'yaml':
        return 'untitled.yaml';
      default:
        return undefined;
    }
  }
  return undefined;
}

/** What the core may ask about the files around one (a Helm chart's Chart.yaml). */
export function envFor(filePath: string): AnalyzeEnv {
  if (!path.isAbsolute(filePath)) {
    return {};
  }
  return hostEnv(path.dirname(filePath));
}

/** A file known from the workspace scan (its text on disk). */
interface DiskFile {
  uri: vscode.Uri;
  text: string;
  kind: FileKind;
}

/** Whether a file should be skipped because of `aurora.enable` or `aurora.exclude`. */
export function isSkipped(uri: vscode.Uri): boolean {
  const settings = readSettings(uri);
  if (!settings.enable) {
    return true;
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    return false;
  }
  const rel = path.posix.relative(folder.uri.path, uri.path);
  return isExcluded(rel, settings.exclude);
}

/**
 * Owns the "aurora" DiagnosticCollection: analyses open documents (on open, debounced on change)
 * and, once the workspace was scanned, closed files from their text on disk. Files of a kind with
 * cross-file rules (Kubernetes, Terraform) are analysed together with the other files of that kind
 * in their folder, so cross-file checks (a Service selecting no workload, a volume whose module
 * enables default encryption elsewhere) stay current as either side changes.
 */
export class DiagnosticsManager implements vscode.Disposable {
  private readonly store = new DisposableStore();
  readonly collection: vscode.DiagnosticCollection;
  private ready: Promise<void> | undefined;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generation = new Map<string, number>();
  private readonly disk = new Map<string, DiskFile>();
  private readonly docsCache = new Map<string, boolean>();
  private readonly changed = this.store.add(new vscode.EventEmitter<void>());
  /** Fires after diagnostics were published or cleared. */
  readonly onDidChange = this.changed.event;
  /** Set once a workspace scan ran: closed files then keep their diagnostics. */
  scanned = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly config: ConfigStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.collection = this.store.add(vscode.languages.createDiagnosticCollection('aurora'));
    this.store.add({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    this.store.add(vscode.workspace.onDidOpenTextDocument((doc) => this.lintSoon(doc, 0)));
    this.store.add(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) {
          return;
        }
        if (readSettings(e.document.uri).lintOnType) {
          this.lintSoon(e.document, LINT_DELAY_MS);
        }
      }),
    );
    this.store.add(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (!readSettings(doc.uri).lintOnType) {
          this.lintSoon(doc, 0);
        }
      }),
    );
    this.store.add(vscode.workspace.onDidCloseTextDocument((doc) => this.onClosed(doc)));
    // typing in aurora.yaml changes the config on every keystroke: re-lint once it settles
    this.store.add(this.config.onDidChange(() => this.relintSoon()));
    this.store.add({ dispose: () => clearTimeout(this.relintTimer) });
  }

  /**
   * Load the parsers, on the first analysis (activation stays cheap): with `kinds`, only the
   * grammars those kinds of files need (none for YAML, not bash for Terraform), so a file's first
   * diagnostics do not wait for grammars it does not use; without, every grammar (the workspace
   * scan and the chat analyse anything).
   */
  ensureReady(kinds?: Iterable<FileKind | undefined>): Promise<void> {
    const dist = path.join(this.extensionUri.fsPath, 'dist');
    if (kinds) {
      configureNodeWasm(dist);
      return loadGrammarsFor(kinds);
    }
    if (!this.ready) {
      const started = Date.now();
      this.ready = prepareNode(dist).then(
        () => this.log.info(`parsers loaded in ${Date.now() - started} ms`),
        (e: unknown) => {
          this.ready = undefined;
          throw e;
        },
      );
    }
    return this.ready;
  }

  /** The kinds of the files of a group, for `ensureReady`. */
  private kindsOf(sources: readonly { file: SourceFile }[]): (FileKind | undefined)[] {
    return sources.map((s) => detectKind(s.file.path, s.file.text, envFor(s.file.path)));
  }

  /** Whether the extension ships a docs page for the rule. */
  private hasDocs = (ruleId: string): boolean => {
    let known = this.docsCache.get(ruleId);
    if (known === undefined) {
      known = fs.existsSync(path.join(this.extensionUri.fsPath, 'docs', 'rules', `${ruleId}.md`));
      this.docsCache.set(ruleId, known);
    }
    return known;
  };

  private relintTimer: ReturnType<typeof setTimeout> | undefined;

  /** Re-lint everything after config changes stop for LINT_DELAY_MS. */
  private relintSoon(): void {
    clearTimeout(this.relintTimer);
    this.relintTimer = setTimeout(() => this.relintAll(), LINT_DELAY_MS);
  }

  /** Analyse every open document again (config or settings changed). */
  relintAll(): void {
    this.docsCache.clear();
    for (const doc of vscode.workspace.textDocuments) {
      this.lintSoon(doc, 0);
    }
    if (this.scanned) {
      void this.analyzeDisk([...this.disk.values()].map((f) => f.uri));
    }
  }

  /** Schedule an analysis of a document after `delay` ms, replacing a pending one. */
  lintSoon(doc: vscode.TextDocument, delay: number): void {
    if (!SCHEMES.has(doc.uri.scheme)) {
      return;
    }
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) {
      clearTimeout(pending);
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.lintDocument(doc).catch((e: unknown) => this.log.error(`analysis of ${doc.uri.fsPath} failed: ${errorText(e)}`));
      }, delay),
    );
  }

  /** Analyse an open document now and publish its diagnostics. */
  async lintDocument(doc: vscode.TextDocument): Promise<void> {
    const p = analysisPath(doc);
    if (!p || doc.isClosed) {
      return;
    }
    if (isSkipped(doc.uri) || !detectKind(p, doc.getText(), envFor(p))) {
      this.delete(doc.uri);
      return;
    }
    await this.analyzeUnit(doc.uri);
  }

  /**
   * The current findings of an open document (analysed now, synchronously after the parsers are
   * loaded), for code actions. Cross-file findings are included (Kubernetes, Terraform).
   */
  async findingsFor(doc: vscode.TextDocument): Promise<Finding[]> {
    const p = analysisPath(doc);
    if (!p || (await this.excluded(doc.uri))) {
      return [];
    }
    const config = await this.config.configFor(doc.uri);
    const sources = await this.withoutExcluded(this.groupOf(doc.uri, p, doc.getText()));
    await this.ensureReady(this.kindsOf(sources));
    return analyzeFiles(sources.map((s) => s.file), config, envFor, { onType: true }).get(p) ?? [];
  }

  /**
   * Analyse the file at `uri` (open text or disk text) together with its group, and publish the
   * diagnostics of every member. Stale results (a newer analysis started meanwhile) are dropped.
   */
  private async analyzeUnit(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    const config = await this.config.configFor(uri);
    const excluded = await this.excluded(uri);
    if (this.generation.get(key) !== gen) {
      return;
    }
    let current = excluded ? undefined : this.textOf(uri);
    if (!current) {
      this.delete(uri);
      return;
    }
    let sources = await this.withoutExcluded(this.groupOf(uri, current.path, current.text));
    if (this.generation.get(key) !== gen) {
      return;
    }
    const kinds = this.kindsOf(sources);
    if (!kinds.every((k) => k === undefined || grammarsLoaded(k))) {
      // the first file of a kind: its grammars compile, and the text may change meanwhile
      await this.ensureReady(kinds);
      if (this.generation.get(key) !== gen) {
        return;
      }
      current = this.textOf(uri);
      if (!current) {
        this.delete(uri);
        return;
      }
      sources = await this.withoutExcluded(this.groupOf(uri, current.path, current.text));
      if (this.generation.get(key) !== gen) {
        return;
      }
      await this.ensureReady(this.kindsOf(sources));
    }
    const started = Date.now();
    // typing: only the edited YAML documents / Terraform blocks are parsed again
    const results = analyzeFiles(sources.map((s) => s.file), config, envFor, { onType: true });
    const elapsed = Date.now() - started;
    if (elapsed > 50) {
      this.log.debug(`analysed ${sources.length} file(s) for ${uri.fsPath} in ${elapsed} ms`);
    }
    const baseline = await this.config.baselineFor(uri);
    for (const s of sources) {
      const findings = results.get(s.file.path) ?? [];
      // findings recorded in the baseline (check --write-baseline) are shown as hints: out of the
      // Problems panel and the counts, as the CLI leaves them out of its report
      const known = baseline && s.uri.scheme === 'file' ? baselined(baseline.baseline, baselineKey(baseline.uri.fsPath, s.uri.fsPath), s.file.text, findings) : undefined;
      this.publish(s.uri, findings, known);
    }
  }

  /** The text to analyse for a URI: the open document's, else the scanned disk copy. */
  private textOf(uri: vscode.Uri): { path: string; text: string } | undefined {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) {
      const p = analysisPath(doc);
      return p ? { path: p, text: doc.getText() } : undefined;
    }
    const f = this.disk.get(uri.toString());
    return f ? { path: f.uri.fsPath, text: f.text } : undefined;
  }

  /**
   * Whether a file is left out: `aurora.enable` off, the `aurora.exclude` setting, or the
   * `exclude:` globs of its workspace folder's aurora.yaml.
   */
  async excluded(uri: vscode.Uri): Promise<boolean> {
    return isSkipped(uri) || (uri.scheme === 'file' && (await this.config.excludedByConfig(uri)));
  }

  /** A group without its excluded neighbours (the first member, the file asked about, stays). */
  private async withoutExcluded<T extends { uri: vscode.Uri }>(group: T[]): Promise<T[]> {
    const out: T[] = group.slice(0, 1);
    for (const member of group.slice(1)) {
      if (!(await this.excluded(member.uri))) {
        out.push(member);
      }
    }
    return out;
  }

  /**
   * The files analysed together with `uri`: for a kind with cross-file rules (Kubernetes,
   * Terraform), every file of that kind in the same folder (open or scanned); otherwise the file
   * alone.
   */
  private groupOf(uri: vscode.Uri, filePath: string, text: string): { uri: vscode.Uri; file: SourceFile }[] {
    const self = { uri, file: { path: filePath, text } };
    const kind = uri.scheme === 'file' ? detectKind(filePath, text, envFor(filePath)) : undefined;
    if (!kind || !FOLDER_KINDS.has(kind)) {
      return [self];
    }
    const dir = path.dirname(filePath);
    const members = new Map<string, { uri: vscode.Uri; file: SourceFile }>([[uri.toString(), self]]);
    for (const f of this.disk.values()) {
      if (f.kind === kind && path.dirname(f.uri.fsPath) === dir && !members.has(f.uri.toString()) && !isSkipped(f.uri)) {
        members.set(f.uri.toString(), { uri: f.uri, file: { path: f.uri.fsPath, text: f.text } });
      }
    }
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme !== 'file' || path.dirname(doc.uri.fsPath) !== dir || doc.uri.toString() === uri.toString()) {
        continue;
      }
      const t = doc.getText();
      if (detectKind(doc.uri.fsPath, t, envFor(doc.uri.fsPath)) === kind && !isSkipped(doc.uri)) {
        members.set(doc.uri.toString(), { uri: doc.uri, file: { path: doc.uri.fsPath, text: t } });
      }
    }
    return [...members.values()];
  }

  /** Record files read by the workspace scan (replacing what was known under `folder`). */
  setDiskFiles(folder: vscode.Uri | undefined, files: readonly { uri: vscode.Uri; text: string }[]): void {
    if (folder) {
      const prefix = folder.toString().replace(/\/?$/, '/');
      for (const [key, f] of this.disk) {
        if (key.startsWith(prefix) && !files.some((n) => n.uri.toString() === key)) {
          this.disk.delete(key);
          if (!this.isOpen(f.uri)) {
            this.delete(f.uri);
          }
        }
      }
    }
    for (const f of files) {
      const kind = detectKind(f.uri.fsPath, f.text, envFor(f.uri.fsPath));
      if (kind) {
        this.disk.set(f.uri.toString(), { uri: f.uri, text: f.text, kind });
      } else {
        this.forgetDiskFile(f.uri);
      }
    }
  }

  /** Forget a file that left the disk (or is no infrastructure file any more). */
  forgetDiskFile(uri: vscode.Uri): void {
    const f = this.disk.get(uri.toString());
    this.disk.delete(uri.toString());
    if (!this.isOpen(uri)) {
      this.delete(uri);
    }
    if (f?.kind === 'kubernetes') {
      // the neighbours lose a partner for cross-document checks
      const dir = path.dirname(uri.fsPath);
      const neighbour = [...this.disk.values()].find((d) => d.kind === 'kubernetes' && path.dirname(d.uri.fsPath) === dir);
      if (neighbour) {
        void this.analyzeUnit(neighbour.uri);
      }
    }
  }

  /** Analyse scanned files (closed ones from disk, open ones from the editor), grouped. */
  async analyzeDisk(uris: readonly vscode.Uri[], token?: vscode.CancellationToken): Promise<void> {
    const done = new Set<string>();
    for (const uri of uris) {
      if (token?.isCancellationRequested) {
        return;
      }
      if (done.has(uri.toString())) {
        continue;
      }
      const f = this.disk.get(uri.toString());
      if (f && !isSkipped(uri)) {
        if (f.kind === 'kubernetes') {
          for (const m of this.groupOf(uri, uri.fsPath, this.textOf(uri)?.text ?? f.text)) {
            done.add(m.uri.toString());
          }
        }
        await this.analyzeUnit(uri);
      } else if (!this.isOpen(uri)) {
        this.delete(uri);
      }
      done.add(uri.toString());
    }
  }

  private onClosed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(key);
    }
    this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
    if (this.scanned && this.disk.has(key)) {
      // the editor's unsaved text is gone: show the file as it is on disk
      void this.refreshFromDisk(doc.uri);
    } else {
      this.delete(doc.uri);
    }
  }

  /** Re-read one file from disk and analyse it (file watcher events, closed editors). */
  async refreshFromDisk(uri: vscode.Uri): Promise<void> {
    if (this.isOpen(uri)) {
      return;
    }
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      this.setDiskFiles(undefined, [{ uri, text }]);
      if (this.disk.has(uri.toString()) && !isSkipped(uri)) {
        await this.analyzeUnit(uri);
      }
    } catch {
      this.forgetDiskFile(uri);
    }
  }

  private isOpen(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  }

  private publish(uri: vscode.Uri, findings: readonly Finding[], baselined?: ReadonlySet<number>): void {
    this.collection.set(
      uri,
      findings.map((f, i) => (baselined?.has(i) ? asBaselined(toDiagnostic(f, uri, this.hasDocs)) : toDiagnostic(f, uri, this.hasDocs))),
    );
    this.changed.fire();
  }

  private delete(uri: vscode.Uri): void {
    if (this.collection.has(uri)) {
      this.collection.delete(uri);
      this.changed.fire();
    }
  }

  /** Clear everything (aurora.enable turned off). */
  clear(): void {
    this.collection.clear();
    this.changed.fire();
  }

  /** Total problems published, by severity. */
  counts(): { errors: number; warnings: number; infos: number } {
    const c = { errors: 0, warnings: 0, infos: 0 };
    this.collection.forEach((_uri, diags) => {
      for (const d of diags) {
        if (d.severity === vscode.DiagnosticSeverity.Error) {
          c.errors++;
        } else if (d.severity === vscode.DiagnosticSeverity.Warning) {
          c.warnings++;
        } else if (d.severity === vscode.DiagnosticSeverity.Hint && !d.message.endsWith(BASELINED)) {
          c.infos++;
        }
      }
    });
    return c;
  }

  dispose(): void {
    this.store.dispose();
  }
}

/** What a baselined finding's message ends with. */
const BASELINED = ' (in the baseline)';

/** A diagnostic of a finding the baseline records: a hint that says so. */
function asBaselined(d: vscode.Diagnostic): vscode.Diagnostic {
  d.severity = vscode.DiagnosticSeverity.Hint;
  d.message += BASELINED;
  return d;
}

/** Message of an unknown thrown value. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
