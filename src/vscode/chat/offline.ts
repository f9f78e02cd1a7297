import * as vscode from 'vscode';
import { applyFixes } from '../../core';
import type { FindingLink, TranscriptItem } from '../../shared/protocol';
import { parseSlash } from '../../shared/slash';
import { addEdits, DIAGNOSTIC_SOURCE, ruleIdOf } from '../convert';
import type { DiagnosticsManager } from '../diagnostics';
import type { WorkspaceScanner } from '../scanner';

/** What the offline slash commands need. */
export interface OfflineDeps {
  extensionUri: vscode.Uri;
  diagnostics: DiagnosticsManager;
  scanner: WorkspaceScanner;
}

const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** Read docs/rules/<id>.md shipped with the extension, or undefined. */
export async function ruleDocs(extensionUri: vscode.Uri, ruleId: string): Promise<string | undefined> {
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)?$/.test(ruleId)) {
    return undefined;
  }
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'docs', 'rules', ...`${ruleId}.md`.split('/')));
    return new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Run a slash command without the model. Returns the transcript items to show, or undefined when
 * the text is not a slash command this handles.
 */
export async function runSlash(text: string, deps: OfflineDeps): Promise<TranscriptItem[] | undefined> {
  const parsed = parseSlash(text);
  if (!parsed) {
    return undefined;
  }
  const { command: cmd, arg } = parsed;
  switch (cmd) {
    case 'scan': {
      const r = await deps.scanner.scan();
      const links: FindingLink[] = [];
      for (const [uri, diags] of vscode.languages.getDiagnostics()) {
        for (const d of diags) {
          if (d.source === DIAGNOSTIC_SOURCE) {
            links.push({ file: vscode.workspace.asRelativePath(uri), uri: uri.toString(), line: d.range.start.line + 1, ruleId: ruleIdOf(d) ?? '', severity: SEVERITY[d.severity] ?? 'info', message: d.message });
          }
        }
      }
      links.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
      const shown = links.slice(0, 100);
      const title = `${r.files} files scanned, ${links.length} problems${links.length > shown.length ? ` (first ${shown.length} shown)` : ''}`;
      return links.length === 0 ? [{ kind: 'notice', text: `${r.files} files scanned: no problems found.` }] : [{ kind: 'findings', title, findings: shown }];
    }
    case 'fix': {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        return [{ kind: 'notice', text: 'Open a file first: /fix applies the safe fixes in the active file.' }];
      }
      const doc = editor.document;
      const findings = await deps.diagnostics.findingsFor(doc);
      const { applied } = applyFixes(doc.getText(), findings.filter((f) => f.fix?.safe === true));
      if (applied.length === 0) {
        return [{ kind: 'notice', text: `No safe fixes in ${vscode.workspace.asRelativePath(doc.uri)}.` }];
      }
      const edit = new vscode.WorkspaceEdit();
      for (const f of applied) {
        addEdits(edit, doc.uri, f.fix?.edits ?? []);
      }
      await vscode.workspace.applyEdit(edit);
      return [{ kind: 'notice', text: `Applied ${applied.length} safe fix${applied.length === 1 ? '' : 'es'} in ${vscode.workspace.asRelativePath(doc.uri)} (${applied.map((f) => f.ruleId).join(', ')}). Undo with Ctrl+Z.` }];
    }
    case 'explain': {
      const id = arg.trim();
      if (id === '') {
        return [{ kind: 'notice', text: 'Usage: /explain <rule-id>, e.g. /explain dockerfile/no-latest-tag' }];
      }
      const docs = await ruleDocs(deps.extensionUri, id);
      return [docs ? { kind: 'assistant', text: docs } : { kind: 'notice', text: `No rule ${id}. Run /scan to see the rule ids of your findings.` }];
    }
    default:
      return [{ kind: 'notice', text: `Unknown command /${cmd}. Try /scan, /fix or /explain <rule-id>.` }];
  }
}
