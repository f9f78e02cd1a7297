import * as vscode from 'vscode';

/**
 * Whether the workspace is trusted. Linting runs either way (it only reads text); features that
 * write files or run commands (the agent's tools) must check this and stay disabled when false.
 */
export function isTrusted(): boolean {
  return vscode.workspace.isTrusted;
}
