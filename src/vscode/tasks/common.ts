/**
 * What every command-palette task shares: the plan shape (plain changes plus the WorkspaceEdit
 * built from them), the refactor preview, the trust guard, the folder choice and the "Refine with
 * DevOps Agent" offer.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { ChatApi } from '../chat';
import type { ApiKeys } from '../chat/keys';
import type { DiagnosticsManager } from '../diagnostics';
import type { WorkspaceScanner } from '../scanner';
import { isTrusted } from '../trust';
import { projectFolderOf } from './paths';

/** What the tasks need from the rest of the extension. */
export interface TaskDeps {
  diagnostics: DiagnosticsManager;
  scanner: WorkspaceScanner;
  log: vscode.LogOutputChannel;
  chat: ChatApi;
  keys: ApiKeys;
}

/** One edit inside a planned change, with the label the refactor preview groups it under. */
export interface PlannedEdit {
  range: vscode.Range;
  newText: string;
  /** Preview group, e.g. the rule id of a fix. */
  label: string;
  /** Second line in the preview, e.g. the fix title. */
  description?: string;
}

/** A file a plan creates or edits. */
export interface PlannedChange {
  uri: vscode.Uri;
  /** Workspace-relative path, for messages. */
  path: string;
  /** Set for a new file: its whole text. */
  create?: string;
  /** Edits of an existing file (a full-range replace for a regenerated one). */
  edits: PlannedEdit[];
  /** Whether the user must tick the change in the preview before it applies. */
  needsConfirmation: boolean;
}

/** The result of planning a task: plain data (tests inspect it) and the edit that applies it. */
export interface TaskPlan {
  changes: PlannedChange[];
  /** One line for the user: what the plan does, or why it does nothing. */
  summary: string;
  /** The edit with preview metadata (existing files need confirmation). */
  edit: vscode.WorkspaceEdit;
}

/**
 * Build the WorkspaceEdit of a set of changes: `createFile` with contents for new files, text
 * edits for existing ones, each with its preview label. With `confirm`, edits of existing files
 * carry `needsConfirmation`, which makes VS Code show its refactor preview (with those entries
 * unticked) instead of applying silently.
 */
export function buildEdit(changes: readonly PlannedChange[], confirm = true): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const c of changes) {
    if (c.create !== undefined) {
      edit.createFile(c.uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(c.create) }, { label: vscode.l10n.t('New files'), description: c.path, needsConfirmation: false });
      continue;
    }
    for (const e of c.edits) {
      edit.replace(c.uri, e.range, e.newText, { label: e.label, description: e.description, needsConfirmation: confirm && c.needsConfirmation });
    }
  }
  return edit;
}

/** A plan from its changes. */
export function makePlan(changes: PlannedChange[], summary: string): TaskPlan {
  return { changes, summary, edit: buildEdit(changes) };
}

/**
 * Apply a plan. With `preview` (the commands), the edit keeps its confirmation metadata so VS Code
 * shows the refactor preview for every change to an existing file; without (tests, other
 * extensions that already asked the user), it applies directly. Files that had no unsaved
 * changes before are saved afterwards, as a refactoring does; a file the user was editing keeps
 * its unsaved state so nothing of theirs is written behind their back.
 */
export async function applyPlan(plan: TaskPlan, preview = true): Promise<boolean> {
  if (plan.changes.length === 0) {
    return false;
  }
  const dirtyBefore = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
  const applied = await vscode.workspace.applyEdit(preview ? plan.edit : buildEdit(plan.changes, false), { isRefactoring: true });
  if (applied) {
    for (const c of plan.changes) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === c.uri.toString());
      if (doc?.isDirty && !dirtyBefore.has(c.uri.toString())) {
        await doc.save();
      }
    }
  }
  return applied;
}

/** The text and full range of a file (its open editor's buffer when open, else the disk). */
export async function currentText(uri: vscode.Uri): Promise<{ text: string; range: vscode.Range } | undefined> {
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    const last = doc.lineAt(doc.lineCount - 1);
    return { text: doc.getText(), range: new vscode.Range(0, 0, last.lineNumber, last.range.end.character) };
  } catch {
    return undefined;
  }
}

/** Whether a file exists. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Guard for commands that write files or run commands: in Restricted Mode they do nothing but
 * say why (package.json also disables them there; this covers calls through executeCommand).
 */
export function requireTrust(title: string): boolean {
  if (isTrusted()) {
    return true;
  }
  void vscode.window.showWarningMessage(vscode.l10n.t('Aurora: "{0}" writes files or runs commands, so it is disabled in Restricted Mode. Trust the workspace to use it.', title));
  return false;
}

/**
 * The folder a task works on: the one given (tests, other extensions), else the project of the
 * active file, else the only workspace folder, else the one the user picks.
 */
export async function resolveFolder(given: unknown, preferProject: boolean): Promise<vscode.Uri | undefined> {
  if (given instanceof vscode.Uri) {
    return given;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') {
    const ws = vscode.workspace.getWorkspaceFolder(active);
    if (ws) {
      const project = preferProject ? projectFolderOf(path.dirname(active.fsPath), ws.uri.fsPath) : undefined;
      return project ? vscode.Uri.file(project) : ws.uri;
    }
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Aurora: open a folder first.'));
    return undefined;
  }
  if (folders.length === 1) {
    return folders[0].uri;
  }
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder to work on') }))?.uri;
}

/** Workspace-relative display path of a folder ('' for a workspace folder root). */
export function displayFolder(folder: vscode.Uri): string {
  const rel = vscode.workspace.asRelativePath(folder, false);
  return rel === folder.fsPath ? folder.fsPath : rel;
}

/**
 * After a generator wrote its files: with an API key, offer "Refine with DevOps Agent", which
 * opens the chat with `seed` in the input box (the user reviews it and presses Send). The
 * notification is not awaited: the command finishes while it is shown.
 */
export async function offerRefine(deps: TaskDeps, message: string, seed: () => string): Promise<void> {
  const refine = vscode.l10n.t('Refine with DevOps Agent');
  const hasKey = (await deps.keys.get()) !== undefined;
  const shown = hasKey ? vscode.window.showInformationMessage(message, refine) : vscode.window.showInformationMessage(message);
  void Promise.resolve(shown).then(async (choice) => {
    if (choice === refine) {
      await deps.chat.provider.ask(seed(), false);
    }
  });
}
