import * as vscode from 'vscode';
import { parseDocument, isMap } from 'yaml';
import { applyFixes } from '../core';
import type { Finding } from '../core';
import { CONFIG_FILES, findConfigFile } from './config';
import { addEdits, DIAGNOSTIC_SOURCE, ruleIdOf, sameRange } from './convert';
import type { DiagnosticsManager } from './diagnostics';

/** The code action kind of "Fix all Aurora problems" (usable in editor.codeActionsOnSave). */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('aurora');

/** Command behind "Disable <rule> in aurora.yaml". */
export const DISABLE_RULE_COMMAND = 'aurora.disableRule';

/**
 * Quick fixes for Aurora diagnostics (the rule's own fix, ignore on this line, disable in
 * aurora.yaml) and the fix-all source action. Findings are recomputed from the current text so
 * edits never apply to stale ranges.
 */
export class AuroraCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly diagnostics: DiagnosticsManager) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const wantsQuickFix = !context.only || context.only.intersects(vscode.CodeActionKind.QuickFix);
    const wantsFixAll = !context.only || context.only.intersects(FIX_ALL_KIND);
    if (!wantsFixAll && (!wantsQuickFix || ours.length === 0)) {
      return [];
    }
    const findings = await this.diagnostics.findingsFor(doc);
    if (token.isCancellationRequested) {
      return [];
    }
    const actions: vscode.CodeAction[] = [];
    if (wantsQuickFix) {
      const suppressions: vscode.CodeAction[] = [];
      for (const d of ours) {
        const ruleId = ruleIdOf(d);
        if (!ruleId) {
          continue;
        }
        const finding = findings.find((f) => f.ruleId === ruleId && sameRange(f.range, d.range));
        if (finding?.fix) {
          const a = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
          a.diagnostics = [d];
          a.isPreferred = finding.fix.safe;
          a.edit = new vscode.WorkspaceEdit();
          addEdits(a.edit, doc.uri, finding.fix.edits);
          actions.push(a);
        }
        suppressions.push(ignoreLineAction(doc, d, ruleId));
        const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
        if (folder) {
          const disable = new vscode.CodeAction(vscode.l10n.t('Disable {0} in aurora.yaml', ruleId), vscode.CodeActionKind.QuickFix);
          disable.diagnostics = [d];
          disable.command = { title: disable.title, command: DISABLE_RULE_COMMAND, arguments: [folder.uri, ruleId] };
          suppressions.push(disable);
        }
      }
      actions.push(...dedupe(suppressions));
    }
    if (wantsFixAll) {
      const fixAll = fixAllAction(doc, findings);
      if (fixAll) {
        actions.push(fixAll);
      }
    }
    return actions;
  }
}

function dedupe(actions: vscode.CodeAction[]): vscode.CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => {
    if (seen.has(a.title)) {
      return false;
    }
    seen.add(a.title);
    return true;
  });
}

/** "Ignore <rule> on this line": a `# aurora-ignore <rule>` comment above, same indentation. */
function ignoreLineAction(doc: vscode.TextDocument, d: vscode.Diagnostic, ruleId: string): vscode.CodeAction {
  const line = doc.lineAt(d.range.start.line);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const a = new vscode.CodeAction(vscode.l10n.t('Ignore {0} on this line', ruleId), vscode.CodeActionKind.QuickFix);
  a.diagnostics = [d];
  a.edit = new vscode.WorkspaceEdit();
  a.edit.insert(doc.uri, new vscode.Position(line.lineNumber, 0), `${indent}# aurora-ignore ${ruleId}${eol}`);
  return a;
}

/** "Fix all Aurora problems": every safe fix that does not overlap another one. */
export function fixAllAction(doc: vscode.TextDocument, findings: readonly Finding[]): vscode.CodeAction | undefined {
  const { applied } = applyFixes(doc.getText(), findings);
  if (applied.length === 0) {
    return undefined;
  }
  const a = new vscode.CodeAction(vscode.l10n.t('Fix all Aurora problems'), FIX_ALL_KIND);
  a.edit = new vscode.WorkspaceEdit();
  for (const f of applied) {
    addEdits(a.edit, doc.uri, f.fix?.edits ?? []);
  }
  return a;
}

/**
 * Turn a rule off in the folder's aurora.yaml (creating the file when missing), keeping the rest
 * of the file — comments, agents, key order — as it was. The file is saved so the change sticks.
 */
export async function disableRuleInConfig(folderUri: vscode.Uri, ruleId: string): Promise<vscode.Uri | undefined> {
  const found = await findConfigFile({ uri: folderUri });
  let target = found?.uri;
  const text = found?.text;
  const edit = new vscode.WorkspaceEdit();
  if (!target || text === undefined) {
    target = vscode.Uri.joinPath(folderUri, CONFIG_FILES[0]);
    const content = `# Aurora DevOps settings for this folder\nrules:\n  ${ruleId}: off\n`;
    edit.createFile(target, { ignoreIfExists: false, contents: new TextEncoder().encode(content) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      return undefined;
    }
    return target;
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} does not parse: fix it first ({1})', vscode.workspace.asRelativePath(target), doc.errors[0].message));
    return undefined;
  }
  const rules = doc.get('rules', true);
  if (isMap(rules)) {
    rules.set(ruleId, 'off');
  } else {
    doc.set('rules', doc.createNode({ [ruleId]: 'off' }));
  }
  // no folding of long lines, `[a, b]` kept as written
  const updated = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const textDoc = await vscode.workspace.openTextDocument(target);
  const current = textDoc.getText();
  const change = minimalChange(current, updated);
  edit.replace(target, new vscode.Range(textDoc.positionAt(change.start), textDoc.positionAt(change.end)), change.text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    return undefined;
  }
  await textDoc.save();
  return target;
}

/** The smallest single replacement turning `before` into `after` (common prefix and suffix kept). */
export function minimalChange(before: string, after: string): { start: number; end: number; text: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) {
    start++;
  }
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) {
    tail++;
  }
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}
