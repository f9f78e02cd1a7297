/**
 * "Aurora: Pin Images" and "Aurora: Pin Actions to Commit SHAs": the CLI's pinning (src/generate/pin,
 * same HTTP resolver, same allowlist from aurora.yaml `permissions.network`) over the files of a
 * folder, as one WorkspaceEdit shown in the refactor preview.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseAgentConfig } from '../../agent/config';
import { TextIndex } from '../../core';
import { pinFile } from '../../generate/pin';
import type { PinMode, PinOutcome, PinResolver, ResolutionCache } from '../../generate/pin';
import { createNodeResolver } from '../../generate/pin/node';
import type { NodeResolverOptions } from '../../generate/pin/node';
import { errorText, isSkipped } from '../diagnostics';
import { toRange } from '../convert';
import { CANDIDATE_GLOB } from '../scanner';
import type { PlannedChange, PlannedEdit, TaskDeps, TaskPlan } from './common';
import { applyPlan, makePlan, requireTrust, resolveFolder } from './common';
import { findAuroraYaml } from './paths';
import { deniedHostsMessage, plural } from './text';

/**
 * Test hooks (environment of the extension host): base URLs the resolver uses instead of
 * https://<registry host> and the GitHub API. They only change where requests go; the hosts
 * checked against aurora.yaml stay the real ones (registry-1.docker.io, api.github.com, and the
 * token realm the fake names), so they cannot widen what a workspace allows. Not settings: a
 * workspace must not be able to redirect resolution to a server of its choice.
 */
export const TEST_REGISTRY_URL_ENV = 'AURORA_TEST_REGISTRY_URL';
export const TEST_GITHUB_API_ENV = 'AURORA_TEST_GITHUB_API';

/** Folders never searched for references. */
const EXCLUDE = '**/{node_modules,.git,.terraform}/**';

/** Files that can hold action references. */
const ACTIONS_GLOB = '**/{.github/workflows/*.yml,.github/workflows/*.yaml,action.yml,action.yaml}';

/** A pin plan with what happened to each reference. */
export interface PinPlan extends TaskPlan {
  mode: PinMode;
  pinned: number;
  failed: number;
  skipped: number;
  /** Hosts aurora.yaml must allow for the failed references that were denied. */
  allowHosts: string[];
  /** The aurora.yaml whose `permissions.network` was used, if any. */
  configFile?: string;
  /** `path:line: what happened` for every reference. */
  details: string[];
}

/** `permissions.network` of the folder's aurora.yaml (nothing allowed without one). */
function allowlist(folder: vscode.Uri): { allow: string[]; file?: string } {
  const ws = vscode.workspace.getWorkspaceFolder(folder);
  const file = findAuroraYaml(folder.fsPath, ws?.uri.fsPath);
  if (!file) {
    return { allow: [] };
  }
  try {
    return { allow: parseAgentConfig(fs.readFileSync(file, 'utf8')).config.permissions.network, file };
  } catch {
    return { allow: [], file };
  }
}

/** The resolver the CLI uses, with the test hooks applied. */
function resolverFor(allow: string[]): PinResolver {
  const options: NodeResolverOptions = { allow, githubToken: process.env.GITHUB_TOKEN || undefined };
  const registry = process.env[TEST_REGISTRY_URL_ENV];
  if (registry) {
    options.registryUrl = () => registry;
  }
  const github = process.env[TEST_GITHUB_API_ENV];
  if (github) {
    options.githubApi = github;
  }
  return createNodeResolver(options);
}

function describe(o: PinOutcome): string {
  if (o.status === 'pinned') {
    return `pinned ${o.ref.text} -> ${o.detail}`;
  }
  return `${o.status === 'skipped' ? 'skipped' : 'could not pin'} ${o.ref.text}: ${o.detail}`;
}

/** Plan pinning every image (or action) reference in the files under `folder`. */
export async function planPin(folder: vscode.Uri, mode: PinMode, resolver?: PinResolver): Promise<PinPlan> {
  const { allow, file } = allowlist(folder);
  const resolve = resolver ?? resolverFor(allow);
  const uris = (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, mode === 'actions' ? ACTIONS_GLOB : CANDIDATE_GLOB), EXCLUDE, 20_000))
    .filter((u) => !isSkipped(u))
    .sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  const cache: ResolutionCache = new Map();
  const changes: PlannedChange[] = [];
  const details: string[] = [];
  const allowHosts = new Set<string>();
  let pinned = 0;
  let failed = 0;
  let skipped = 0;
  const label = mode === 'images' ? vscode.l10n.t('Pin images to digests') : vscode.l10n.t('Pin actions to commit SHAs');
  for (const uri of uris) {
    // the editor's text when open; else the disk (no document is opened for files without references)
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string;
    try {
      text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      details.push(`${vscode.workspace.asRelativePath(uri, false)}: cannot be read`);
      continue;
    }
    const rel = path.relative(folder.fsPath, uri.fsPath).split(path.sep).join('/');
    const shown = vscode.workspace.asRelativePath(uri, false);
    const result = await pinFile(rel, text, mode, resolve, cache);
    for (const o of result.outcomes) {
      details.push(`${shown}:${o.ref.line}: ${describe(o)}`);
      if (o.status === 'pinned') {
        pinned++;
      } else if (o.status === 'failed') {
        failed++;
        if (o.allowHost) {
          allowHosts.add(o.allowHost);
        }
      } else {
        skipped++;
      }
    }
    if (result.edits.length === 0) {
      continue;
    }
    const index = new TextIndex(text);
    const edits: PlannedEdit[] = result.edits.map((e) => ({ range: toRange({ start: index.positionAt(e.start), end: index.positionAt(e.end) }), newText: e.newText, label, description: e.newText.trim() }));
    changes.push({ uri, path: shown, edits, needsConfirmation: true });
  }
  const parts = [
    pinned > 0 ? `pin ${plural(pinned, 'reference', 'references')} in ${plural(changes.length, 'file', 'files')}` : 'nothing to pin',
    failed > 0 ? `${failed} could not be resolved` : '',
    skipped > 0 ? `${skipped} skipped (already pinned, variables or local)` : '',
  ].filter(Boolean);
  return {
    ...makePlan(changes, parts.join('; ')),
    mode,
    pinned,
    failed,
    skipped,
    allowHosts: [...allowHosts].sort(),
    configFile: file ? vscode.workspace.asRelativePath(vscode.Uri.file(file), false) : undefined,
    details,
  };
}

/** Run "Pin Images" or "Pin Actions to Commit SHAs". */
export async function runPin(mode: PinMode, deps: TaskDeps, rawArgs: unknown): Promise<{ plan: PinPlan; applied: boolean; message: string } | undefined> {
  const title = mode === 'images' ? 'Pin Images' : 'Pin Actions to Commit SHAs';
  if (!requireTrust(title)) {
    return undefined;
  }
  const given = rawArgs instanceof vscode.Uri ? rawArgs : typeof rawArgs === 'object' && rawArgs !== null ? (rawArgs as { folder?: unknown }).folder : undefined;
  const folder = await resolveFolder(given, false);
  if (!folder) {
    return undefined;
  }
  let plan: PinPlan;
  try {
    plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Aurora: {0}', title) }, () => planPin(folder, mode));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Aurora: {0} failed: {1}', title, errorText(e)));
    return undefined;
  }
  for (const line of plan.details) {
    deps.log.info(line);
  }
  let message: string;
  if (plan.allowHosts.length > 0) {
    message = deniedHostsMessage(plan.allowHosts, plan.configFile);
    void vscode.window.showWarningMessage(message);
  } else if (plan.failed > 0) {
    const first = plan.details.find((d) => d.includes('could not pin')) ?? '';
    message = vscode.l10n.t('Aurora: {0}: {1} could not be resolved (offline?), e.g. {2}. Details in the Aurora DevOps output.', title, String(plan.failed), first);
    void vscode.window.showWarningMessage(message);
  } else {
    message = vscode.l10n.t('Aurora: {0}: {1}', title, plan.summary);
  }
  if (plan.changes.length === 0) {
    if (plan.failed === 0) {
      void vscode.window.showInformationMessage(message);
    }
    return { plan, applied: false, message };
  }
  const applied = await applyPlan(plan, true);
  if (plan.failed === 0) {
    void vscode.window.showInformationMessage(applied ? message : vscode.l10n.t('Aurora: {0}: nothing was applied.', title));
  }
  return { plan, applied, message };
}
