import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import picomatch from 'picomatch';
import { excludeMatcher, mergeConfigs, parseAnalyzeConfig } from '../core';
import { parseBaseline } from '../node/baseline';
import type { Baseline } from '../node/baseline';
import type { AnalyzeConfig, SeverityLevel } from '../core';
import { DisposableStore } from './disposables';

/** Names of the per-folder configuration file, in lookup order. */
export const CONFIG_FILES: readonly string[] = ['aurora.yaml', 'aurora.yml'];

const LEVELS: readonly string[] = ['off', 'info', 'warning', 'error'];

/** The `aurora.*` settings that matter for one resource. */
export interface AuroraSettings {
  enable: boolean;
  lintOnType: boolean;
  exclude: readonly string[];
  severityOverrides: Readonly<Record<string, SeverityLevel>>;
}

/** Read the `aurora.*` settings for a resource (folder-scoped settings apply in multi-root). */
export function readSettings(scope?: vscode.Uri): AuroraSettings {
  const c = vscode.workspace.getConfiguration('aurora', scope);
  const overrides: Record<string, SeverityLevel> = {};
  const raw = c.get<Record<string, unknown>>('severityOverrides') ?? {};
  for (const [id, level] of Object.entries(raw)) {
    if (typeof level === 'string' && LEVELS.includes(level)) {
      overrides[id] = level as SeverityLevel;
    }
  }
  return {
    enable: c.get<boolean>('enable', true),
    lintOnType: c.get<boolean>('lintOnType', true),
    exclude: (c.get<unknown[]>('exclude') ?? []).filter((g): g is string => typeof g === 'string' && g.length > 0),
    severityOverrides: overrides,
  };
}

/** Whether a path (relative to its workspace folder, `/`-separated) matches one of the globs. */
export function isExcluded(relativePath: string, globs: readonly string[]): boolean {
  if (globs.length === 0) {
    return false;
  }
  return picomatch(globs as string[], { dot: true })(relativePath);
}

/** Cached analysis config of one workspace folder. */
interface FolderEntry {
  config: AnalyzeConfig;
  problems: string[];
  /** aurora.yaml's `exclude:`, over paths relative to the folder. */
  exclude: (relativePath: string) => boolean;
  /** aurora.yaml's `baseline:` file and what it records (`baseline` undefined when unreadable). */
  baseline?: { uri: vscode.Uri; baseline?: Baseline };
}

/**
 * The analysis config of each workspace folder: its aurora.yaml `rules:` (read from the open
 * editor when it is open, so unsaved edits count) merged under the `aurora.severityOverrides`
 * setting (settings win). Fires `onDidChange` when either changes.
 */
export class ConfigStore implements vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly cache = new Map<string, Promise<FolderEntry>>();
  private readonly changed = this.store.add(new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>());
  /** Fires with the folder whose config changed, or undefined for all folders. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = this.store.add(vscode.workspace.createFileSystemWatcher('**/aurora.{yaml,yml}'));
    const onFile = (uri: vscode.Uri): void => this.invalidateFor(uri);
    // a baseline written again (check --write-baseline) changes what is shown as known
    const baselines = this.store.add(vscode.workspace.createFileSystemWatcher('**/*.json'));
    const onJson = (uri: vscode.Uri): void => void this.invalidateBaseline(uri);
    this.store.add(baselines.onDidCreate(onJson));
    this.store.add(baselines.onDidChange(onJson));
    this.store.add(baselines.onDidDelete(onJson));
    this.store.add(watcher.onDidCreate(onFile));
    this.store.add(watcher.onDidChange(onFile));
    this.store.add(watcher.onDidDelete(onFile));
    this.store.add(
      vscode.workspace.onDidChangeTextDocument((e) => {
        // also on dirty-state-only events: a revert must count even when it reports no change
        if (isConfigFile(e.document.uri)) {
          this.invalidateFor(e.document.uri);
        }
      }),
    );
    this.store.add(
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // an unsaved edit that was discarded no longer counts
        if (isConfigFile(doc.uri)) {
          this.invalidateFor(doc.uri);
        }
      }),
    );
    this.store.add(
      vscode.workspace.onDidChangeConfiguration((e) => {
        // aurora.lintOnType only changes when analysis runs, not its results
        if (['aurora.enable', 'aurora.exclude', 'aurora.severityOverrides'].some((key) => e.affectsConfiguration(key))) {
          this.cache.clear();
          this.changed.fire(undefined);
        }
      }),
    );
    this.store.add(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.cache.clear();
        this.changed.fire(undefined);
      }),
    );
  }

  /** The effective analysis config for a document or file. */
  async configFor(uri: vscode.Uri): Promise<AnalyzeConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const settings = readSettings(uri);
    const fromFile = folder ? (await this.folderEntry(folder)).config : {};
    return mergeConfigs(fromFile, { rules: settings.severityOverrides });
  }

  /** Whether the `exclude:` globs of the aurora.yaml of the file's workspace folder leave it out. */
  async excludedByConfig(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      return false;
    }
    return (await this.folderEntry(folder)).exclude(path.posix.relative(folder.uri.path, uri.path));
  }

  /** The baseline of the file's workspace folder (aurora.yaml's `baseline:`), if any. */
  async baselineFor(uri: vscode.Uri): Promise<{ uri: vscode.Uri; baseline: Baseline } | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const known = folder ? (await this.folderEntry(folder)).baseline : undefined;
    return known?.baseline ? { uri: known.uri, baseline: known.baseline } : undefined;
  }

  /** Problems found in the folder's aurora.yaml `rules:` section (for the log). */
  async problemsOf(folder: vscode.WorkspaceFolder): Promise<readonly string[]> {
    return (await this.folderEntry(folder)).problems;
  }

  /** Read the aurora.yaml of every workspace folder now (activation), so the first analysis finds it cached. */
  prefetch(): void {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      void this.folderEntry(folder).then(undefined, () => undefined);
    }
  }

  private folderEntry(folder: vscode.WorkspaceFolder): Promise<FolderEntry> {
    const key = folder.uri.toString();
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.load(folder);
      this.cache.set(key, entry);
    }
    return entry;
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<FolderEntry> {
    const found = await findConfigFile(folder);
    if (!found) {
      return { config: {}, problems: [], exclude: () => false };
    }
    const { config, exclude, baseline, problems } = parseAnalyzeConfig(found.text);
    const messages = problems.map((p) => `${vscode.workspace.asRelativePath(found.uri)}:${p.range.start.line + 1}: ${p.message}`);
    const entry: FolderEntry = { config, problems: messages, exclude: excludeMatcher(exclude) };
    if (baseline) {
      const uri = vscode.Uri.file(path.resolve(path.dirname(found.uri.fsPath), baseline));
      entry.baseline = { uri };
      try {
        const parsed = parseBaseline(await readText(uri));
        if ('problem' in parsed) {
          messages.push(`${vscode.workspace.asRelativePath(uri)}: ${parsed.problem}; every finding is shown (write it with aurora-devops check --write-baseline)`);
        } else {
          entry.baseline.baseline = parsed;
        }
      } catch {
        messages.push(`${vscode.workspace.asRelativePath(uri)}: the baseline named in aurora.yaml cannot be read; every finding is shown`);
      }
    }
    for (const m of messages) {
      this.log.warn(m);
    }
    return entry;
  }

  /** Forget the cached config of folders whose baseline is `uri`. */
  private async invalidateBaseline(uri: vscode.Uri): Promise<void> {
    for (const [key, entry] of [...this.cache]) {
      const loaded = await entry;
      if (loaded.baseline?.uri.toString() === uri.toString()) {
        this.cache.delete(key);
        const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === key);
        this.log.info(`baseline changed: ${vscode.workspace.asRelativePath(uri)}`);
        this.changed.fire(folder);
      }
    }
  }

  /** Forget the cached config of the folder holding `uri` when it is that folder's config file. */
  invalidateFor(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || !isRootConfigFile(folder, uri)) {
      return;
    }
    this.cache.delete(folder.uri.toString());
    this.log.info(`config changed: ${vscode.workspace.asRelativePath(uri)}`);
    this.changed.fire(folder);
  }

  dispose(): void {
    this.store.dispose();
  }
}

/**
 * A file's text. Local files are read with Node's fs: through `vscode.workspace.fs` each read is a
 * round trip to the workbench (in the web workbench, through the browser), and the first
 * diagnostics of a session wait for the folder's aurora.yaml.
 */
async function readText(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'file') {
    return fs.promises.readFile(uri.fsPath, 'utf8');
  }
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Whether a URI names an aurora.yaml / aurora.yml file. */
export function isConfigFile(uri: vscode.Uri): boolean {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1).toLowerCase();
  return CONFIG_FILES.includes(name);
}

function isRootConfigFile(folder: vscode.WorkspaceFolder, uri: vscode.Uri): boolean {
  return CONFIG_FILES.some((name) => vscode.Uri.joinPath(folder.uri, name).toString() === uri.toString());
}

/**
 * The folder's config file and its current text, if any: the editor's text when it has unsaved
 * edits, else the file on disk (an open but unmodified editor may lag behind the disk).
 */
export async function findConfigFile(folder: { uri: vscode.Uri }): Promise<{ uri: vscode.Uri; text: string } | undefined> {
  for (const name of CONFIG_FILES) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) {
      return { uri, text: open.getText() };
    }
    try {
      return { uri, text: await readText(uri) };
    } catch {
      // not there: try the next name
    }
  }
  return undefined;
}
