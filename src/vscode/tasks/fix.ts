/**
 * Workspace fixers: "Fix All in Workspace" (every safe fix of every Aurora finding) and "Add
 * Resource Limits to All Workloads" (the resource fixes of the Kubernetes and Compose rules).
 * Both take the files from the diagnostics manager (scanning first when no scan ran), recompute
 * each file's findings from its current text, and build one WorkspaceEdit whose entries need
 * confirmation in the refactor preview, labelled by rule.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { applyFixes } from '../../core';
import type { Finding } from '../../core';
import { toRange } from '../convert';
import type { PlannedChange, PlannedEdit, TaskDeps, TaskPlan } from './common';
import { applyPlan, makePlan, requireTrust } from './common';
import { fixSummary, plural } from './text';

/** Rules whose fixes "Add Resource Limits to All Workloads" applies (their fixes need review, so fix-all skips them). */
export const RESOURCE_RULES: readonly string[] = [
  'kubernetes/missing-cpu-request',
  'kubernetes/missing-memory-request',
  'kubernetes/missing-cpu-limit',
  'kubernetes/missing-memory-limit',
  'compose/no-resource-limits',
];

/** A fix plan and its counts. */
export interface FixPlan extends TaskPlan {
  /** Fixes in the edit. */
  fixes: number;
  /** Files the edit changes. */
  files: number;
  /** Fixes left out because they overlap another one (a second run applies them). */
  skipped: number;
}

/** Whether `uri` is `folder` or inside it. */
function inside(uri: vscode.Uri, folder: vscode.Uri | undefined): boolean {
  if (!folder) {
    return true;
  }
  const rel = path.relative(folder.fsPath, uri.fsPath);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Files with Aurora diagnostics under `folder` (all workspace folders when undefined), scanning first if needed. */
async function filesWithFindings(deps: TaskDeps, folder: vscode.Uri | undefined): Promise<vscode.Uri[]> {
  if (!deps.diagnostics.scanned) {
    await deps.scanner.scan();
  }
  const out: vscode.Uri[] = [];
  deps.diagnostics.collection.forEach((uri, diags) => {
    if (uri.scheme === 'file' && diags.length > 0 && inside(uri, folder)) {
      out.push(uri);
    }
  });
  return out.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

/**
 * Plan fixes over the files with findings: `select` picks the findings of a file and whether
 * fixes that need review count. Findings come from the current text, never from stale diagnostics.
 */
async function planFixes(deps: TaskDeps, folder: vscode.Uri | undefined, select: (f: Finding) => boolean, includeUnsafe: boolean, empty: string): Promise<FixPlan> {
  const changes: PlannedChange[] = [];
  let fixes = 0;
  let skipped = 0;
  for (const uri of await filesWithFindings(deps, folder)) {
    const doc = await vscode.workspace.openTextDocument(uri);
    const findings = (await deps.diagnostics.findingsFor(doc)).filter(select);
    const { applied, skipped: overlapping } = applyFixes(doc.getText(), findings, includeUnsafe);
    if (applied.length === 0) {
      continue;
    }
    const edits: PlannedEdit[] = [];
    for (const f of applied) {
      for (const e of f.fix?.edits ?? []) {
        edits.push({ range: toRange(e.range), newText: e.newText, label: f.ruleId, description: f.fix?.title });
      }
    }
    // the four resource rules offer the same fix for one container: only one of them applies
    skipped += overlapping.filter((o) => !applied.some((a) => sameEdits(a, o))).length;
    fixes += applied.length;
    changes.push({ uri, path: vscode.workspace.asRelativePath(uri, false), edits, needsConfirmation: true });
  }
  const summary = fixes === 0 ? empty : fixSummary(fixes, changes.length, skipped);
  return { ...makePlan(changes, summary), fixes, files: changes.length, skipped };
}

/** Whether two findings carry the same fix edits (the shared resources fix). */
function sameEdits(a: Finding, b: Finding): boolean {
  return JSON.stringify(a.fix?.edits) === JSON.stringify(b.fix?.edits);
}

/** Every safe fix of every Aurora finding under `folder` (the whole workspace when undefined). */
export function planFixAll(deps: TaskDeps, folder?: vscode.Uri): Promise<FixPlan> {
  return planFixes(deps, folder, () => true, false, 'No safe fix to apply: every remaining finding needs a decision (see the Problems view).');
}

/** Requests and limits for every workload container and Compose service lacking them. */
export function planResourceLimits(deps: TaskDeps, folder?: vscode.Uri): Promise<FixPlan> {
  return planFixes(deps, folder, (f) => RESOURCE_RULES.includes(f.ruleId), true, 'Every workload container and Compose service already sets requests and limits.');
}

/** Run one of the fixers as a command: plan with progress, preview, report. */
export async function runFixer(which: 'fixAll' | 'resources', deps: TaskDeps, rawArgs: unknown): Promise<{ plan: FixPlan; applied: boolean } | undefined> {
  const title = which === 'fixAll' ? 'Fix All in Workspace' : 'Add Resource Limits to All Workloads';
  if (!requireTrust(title)) {
    return undefined;
  }
  const given = rawArgs instanceof vscode.Uri ? rawArgs : typeof rawArgs === 'object' && rawArgs !== null ? (rawArgs as { folder?: unknown }).folder : undefined;
  // the whole workspace unless a folder is given: these are workspace-wide commands
  const folder = given instanceof vscode.Uri ? given : undefined;
  const plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Aurora: {0}', title) }, () =>
    which === 'fixAll' ? planFixAll(deps, folder) : planResourceLimits(deps, folder),
  );
  deps.log.info(`${title}: ${plan.summary}`);
  if (plan.fixes === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Aurora: {0}', plan.summary));
    return { plan, applied: false };
  }
  const applied = await applyPlan(plan, true);
  const note = which === 'resources' ? ' ' + vscode.l10n.t('The values are defaults: adjust them to what the workloads use.') : '';
  void vscode.window.showInformationMessage(
    applied
      ? vscode.l10n.t('Aurora: {0}: applied the fixes you kept of {1}.', title, plan.summary) + note
      : vscode.l10n.t('Aurora: {0}: nothing was applied ({1} proposed in {2}).', title, plural(plan.fixes, 'fix', 'fixes'), plural(plan.files, 'file', 'files')),
  );
  return { plan, applied };
}
