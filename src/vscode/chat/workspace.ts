import * as vscode from 'vscode';
import { prepareSafeWrite, resolveSafe, safeReadText } from '../../agent/node/safeFs';
import type { SafeFsOptions } from '../../agent/node/safeFs';
import { NodeWorkspace } from '../../agent/node/workspace';
import type { Workspace } from '../../agent/ports';

/**
 * The Workspace port through VS Code: reads see unsaved editor text; writes (already approved on
 * a diff) go through a WorkspaceEdit, so they are undoable, and are saved. Both first resolve the
 * path component by component (src/agent/node/safeFs.ts), as the CLI does: a link out of the
 * workspace or to nothing, or a secret, is refused with the same sentence, and the editor is
 * given the resolved path, which has no link in it. Reads from disk go through safeFs too.
 * Listing reuses the Node implementation (same skip rules as the CLI).
 */
export class VscodeWorkspace implements Workspace {
  private readonly node: NodeWorkspace;
  readonly root: string;
  readonly caseInsensitive: boolean;

  constructor(readonly folder: vscode.Uri) {
    this.node = new NodeWorkspace(folder.fsPath);
    this.root = this.node.root;
    this.caseInsensitive = this.node.caseInsensitive;
  }

  realpath(absolutePath: string): string | undefined {
    return this.node.realpath(absolutePath);
  }

  private get safeOptions(): SafeFsOptions {
    return { caseInsensitive: this.caseInsensitive };
  }

  async readText(absolutePath: string): Promise<string | undefined> {
    const target = resolveSafe(this.root, absolutePath, 'read', this.safeOptions);
    const uri = vscode.Uri.file(target.absolute);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      return open.getText();
    }
    return safeReadText(this.root, target.absolute, this.safeOptions);
  }

  async exists(absolutePath: string): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.file(absolutePath));
      return true;
    } catch {
      return false;
    }
  }

  async writeText(absolutePath: string, text: string): Promise<void> {
    // folders created one by one and checked, a hard-linked file split from its other names
    const target = await prepareSafeWrite(this.root, absolutePath, this.safeOptions);
    await writeThroughEdit(vscode.Uri.file(target.absolute), text);
  }

  list(options: { pattern?: string; under?: string; limit: number }): Promise<{ files: string[]; truncated: boolean }> {
    return this.node.list(options);
  }
}

/** Replace (or create) a file with one undoable WorkspaceEdit, then save it. */
export async function writeThroughEdit(uri: vscode.Uri, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  let exists = true;
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    exists = false;
  }
  if (!exists) {
    edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new Error(`VS Code refused to create ${vscode.workspace.asRelativePath(uri)}`);
    }
    return;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  edit.replace(uri, whole, text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    throw new Error(`VS Code refused the edit to ${vscode.workspace.asRelativePath(uri)}`);
  }
  // the document may be closed under us (auto save done, the diff tab closed): then the file on
  // disk says whether our text was saved
  const saved = !doc.isClosed && (await doc.save().then((ok) => ok || savedElsewhere(doc, text), () => false));
  if (!saved && !(await hasText(uri, text))) {
    throw new Error(`could not save ${vscode.workspace.asRelativePath(uri)}`);
  }
}

async function hasText(uri: vscode.Uri, text: string): Promise<boolean> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) === text;
  } catch {
    return false;
  }
}

/**
 * save() also answers false when another save got there first: auto save (on by default in the
 * web workbench, one second after an edit) or a save already under way. The write succeeded when
 * that save completes with our text.
 */
async function savedElsewhere(doc: vscode.TextDocument, text: string): Promise<boolean> {
  if (doc.isDirty) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
      const timer = setTimeout(done, 5000);
      const sub = vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.uri.toString() === doc.uri.toString()) {
          done();
        }
      });
    });
  }
  if (doc.isClosed || (doc.isDirty && !(await doc.save()))) {
    return false;
  }
  return !doc.isDirty && doc.getText() === text;
}
