/**
 * "Aurora: Scan Image for Vulnerabilities": the image the active Dockerfile, Compose file or
 * manifest names, scanned by the first of trivy, grype or docker scout found on PATH, in the
 * Aurora DevOps terminal after the user confirms the exact command.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { errorText } from '../diagnostics';
import type { TaskDeps } from './common';
import { requireTrust } from './common';
import { findScanner, imagesIn, INSTALL_HINT, scanCommand } from './scanners';

/** Longest a scan may run before the terminal stops it (first runs download vulnerability databases). */
const SCAN_TIMEOUT_MS = 30 * 60_000;

/** Options for tests and other extensions: the file, the image, and the PATH to look in. */
export interface ScanArgs {
  uri?: vscode.Uri;
  image?: string;
  /** PATH value to search for scanners (default: the extension host's PATH). */
  pathEnv?: string;
}

/** What the command did. */
export type ScanOutcome =
  | { status: 'no-file' | 'no-image' | 'no-scanner' | 'cancelled'; message: string; images: string[] }
  | { status: 'ran'; command: string; exitCode: number | null; images: string[]; message: string };

/** Run the scan command. */
export async function runScanImage(deps: TaskDeps, rawArgs: unknown): Promise<ScanOutcome | undefined> {
  const title = 'Scan Image for Vulnerabilities';
  if (!requireTrust(title)) {
    return undefined;
  }
  const args = (typeof rawArgs === 'object' && rawArgs !== null && !(rawArgs instanceof vscode.Uri) ? rawArgs : rawArgs instanceof vscode.Uri ? { uri: rawArgs } : {}) as ScanArgs;
  const uri = args.uri ?? vscode.window.activeTextEditor?.document.uri;
  let images: string[] = [];
  if (args.image === undefined) {
    if (!uri) {
      const message = vscode.l10n.t('Aurora: open a Dockerfile, Compose file or Kubernetes manifest that names the image to scan.');
      void vscode.window.showInformationMessage(message);
      return { status: 'no-file', message, images };
    }
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      images = imagesIn(uri.fsPath, doc.getText());
    } catch (e) {
      deps.log.warn(`cannot read ${uri.fsPath}: ${errorText(e)}`);
    }
    if (images.length === 0) {
      const message = vscode.l10n.t('Aurora: {0} names no image that can be scanned (images with variables are left out).', uri ? path.basename(uri.fsPath) : '');
      void vscode.window.showInformationMessage(message);
      return { status: 'no-image', message, images };
    }
  } else {
    images = [args.image];
  }
  const scanner = findScanner(args.pathEnv ?? process.env.PATH);
  if (!scanner) {
    const message = `Aurora: ${INSTALL_HINT}`;
    void vscode.window.showErrorMessage(message);
    return { status: 'no-scanner', message, images };
  }
  let image: string | undefined = images[0];
  if (images.length > 1) {
    image = await vscode.window.showQuickPick(images, { title: vscode.l10n.t('Aurora: {0}', title), placeHolder: vscode.l10n.t('Image to scan') });
  }
  if (!image) {
    return { status: 'cancelled', message: 'no image picked', images };
  }
  let command: string;
  try {
    command = scanCommand(scanner.name, image);
  } catch (e) {
    const message = `Aurora: ${errorText(e)}`;
    void vscode.window.showErrorMessage(message);
    return { status: 'no-image', message, images };
  }
  const run = vscode.l10n.t('Run');
  let answer: string | undefined;
  try {
    answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Run this scan in the Aurora DevOps terminal?'),
      { modal: true, detail: vscode.l10n.t('{0}\n\nThe scanner may pull the image and download its vulnerability database.', command) },
      run,
    );
  } catch (e) {
    // a dialog that cannot be shown is no confirmation
    deps.log.warn(`scan image: no confirmation (${errorText(e)})`);
  }
  if (answer !== run) {
    return { status: 'cancelled', message: 'not confirmed', images };
  }
  const cwd = (uri && vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath) ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  deps.log.info(`scan image: ${command}`);
  const result = await deps.chat.terminal.run({ command, cwd, timeoutMs: SCAN_TIMEOUT_MS });
  const message =
    result.exitCode === 0
      ? vscode.l10n.t('Aurora: {0}: no HIGH or CRITICAL vulnerability found.', image)
      : vscode.l10n.t('Aurora: {0}: the scan reported problems or failed (exit code {1}); see the Aurora DevOps terminal.', image, String(result.exitCode));
  void (result.exitCode === 0 ? vscode.window.showInformationMessage(message) : vscode.window.showWarningMessage(message));
  return { status: 'ran', command, exitCode: result.exitCode, images, message };
}
