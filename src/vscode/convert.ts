import * as path from 'path';
import * as vscode from 'vscode';
import type { Finding, Range, Severity, TextEdit } from '../core';

/** Source of every diagnostic the extension publishes. */
export const DIAGNOSTIC_SOURCE = 'aurora';

/** Command that opens a rule's documentation page as a Markdown preview. */
export const SHOW_RULE_DOCS = 'aurora.showRuleDocs';

/** Core range (0-based) to a VS Code range. */
export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Core edits to a WorkspaceEdit on one document. */
export function addEdits(edit: vscode.WorkspaceEdit, uri: vscode.Uri, edits: readonly TextEdit[]): void {
  for (const e of edits) {
    edit.replace(uri, toRange(e.range), e.newText);
  }
}

function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  switch (s) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      // info findings are suggestions: shown as hints (dots under the text, no squiggle, not in
      // the Problems list), like the CLI that lists them only with --severity info
      return vscode.DiagnosticSeverity.Hint;
  }
}

/** The command URI that opens a rule's docs page (used as the diagnostic code's link). */
export function ruleDocsTarget(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_RULE_DOCS}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

/** The rule id a diagnostic of ours carries, if it is ours. */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) {
    return undefined;
  }
  const code = d.code;
  if (typeof code === 'string') {
    return code;
  }
  if (code && typeof code === 'object') {
    return String(code.value);
  }
  return undefined;
}

/** Same range in core and VS Code terms. */
export function sameRange(r: Range, v: vscode.Range): boolean {
  return r.start.line === v.start.line && r.start.character === v.start.character && r.end.line === v.end.line && r.end.character === v.end.character;
}

/**
 * Finding to Diagnostic. `hasDocs` tells whether the rule has a docs page in the extension (engine
 * findings such as parse-error may not). Related paths are resolved against the file's folder.
 */
export function toDiagnostic(f: Finding, fileUri: vscode.Uri, hasDocs: (ruleId: string) => boolean): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
  d.source = DIAGNOSTIC_SOURCE;
  d.code = hasDocs(f.ruleId) ? { value: f.ruleId, target: ruleDocsTarget(f.ruleId) } : f.ruleId;
  if (f.related && f.related.length > 0) {
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(relatedUri(fileUri, r.path), toRange(r.range)), r.message));
  }
  return d;
}

function relatedUri(fileUri: vscode.Uri, p: string): vscode.Uri {
  if (fileUri.scheme !== 'file') {
    return fileUri;
  }
  const abs = path.isAbsolute(p) ? p : path.resolve(path.dirname(fileUri.fsPath), p);
  return abs === fileUri.fsPath ? fileUri : vscode.Uri.file(abs);
}
