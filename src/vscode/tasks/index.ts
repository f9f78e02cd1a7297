/**
 * The command-palette tasks: generators (containerize, CI pipeline, Kubernetes, Terraform),
 * workspace fixers, pinning and image scanning. Each command is a thin wrapper (pickers, preview,
 * messages) around a planner that the extension API exposes, so tests and other extensions can
 * drive them without dialogs.
 */
import * as vscode from 'vscode';
import type { Finding } from '../../core';
import type { PinMode, PinResolver } from '../../generate/pin';
import type { ChatApi } from '../chat';
import { ApiKeys } from '../chat/keys';
import type { DiagnosticsManager } from '../diagnostics';
import type { WorkspaceScanner } from '../scanner';
import type { TaskDeps, TaskPlan } from './common';
import { applyPlan } from './common';
import type { FixPlan } from './fix';
import { planFixAll, planResourceLimits, runFixer } from './fix';
import type { GeneratePlan, GeneratorArgs, GeneratorKind } from './generate';
import { GENERATOR_COMMANDS, planGenerate, runGenerator } from './generate';
import type { PinPlan } from './pin';
import { planPin, runPin } from './pin';
import { runScanImage } from './scan';

export type { TaskPlan, PlannedChange, PlannedEdit } from './common';
export type { FixPlan } from './fix';
export type { GeneratePlan, GeneratorArgs, GeneratorKind } from './generate';
export type { PinPlan } from './pin';
export type { ScanArgs, ScanOutcome } from './scan';
export { TEST_GITHUB_API_ENV, TEST_REGISTRY_URL_ENV } from './pin';

/** Every command of the tasks, by id. */
export const TASK_COMMANDS = {
  ...GENERATOR_COMMANDS,
  fixAll: 'aurora.fixAllInWorkspace',
  resources: 'aurora.addResourceLimits',
  pinImages: 'aurora.pinImages',
  pinActions: 'aurora.pinActions',
  scanImage: 'aurora.scanImage',
} as const;

/** The planners, for integration tests and other extensions (no dialogs, nothing applied). */
export interface TasksApi {
  planGenerate(kind: GeneratorKind, folder: vscode.Uri, args?: Omit<GeneratorArgs, 'folder'>): Promise<GeneratePlan>;
  /** Safe fixes under `folder`, or the whole workspace. */
  planFixAll(folder?: vscode.Uri): Promise<FixPlan>;
  planResourceLimits(folder?: vscode.Uri): Promise<FixPlan>;
  planPin(folder: vscode.Uri, mode: PinMode, resolver?: PinResolver): Promise<PinPlan>;
  /** The Aurora findings of a file now (its editor text or disk text, analysed with the folder's config). */
  findingsOf(uri: vscode.Uri): Promise<Finding[]>;
  /** Apply a plan; `preview: false` skips the refactor preview (the caller already asked the user). */
  applyPlan(plan: TaskPlan, preview?: boolean): Promise<boolean>;
}

/** Register the task commands and return their planners. */
export function registerTasks(context: vscode.ExtensionContext, parts: { diagnostics: DiagnosticsManager; scanner: WorkspaceScanner; log: vscode.LogOutputChannel; chat: ChatApi }): TasksApi {
  const deps: TaskDeps = { ...parts, keys: new ApiKeys(context.secrets) };
  const subs = context.subscriptions;
  for (const kind of Object.keys(GENERATOR_COMMANDS) as GeneratorKind[]) {
    subs.push(vscode.commands.registerCommand(GENERATOR_COMMANDS[kind], (args: unknown) => runGenerator(kind, deps, args)));
  }
  subs.push(vscode.commands.registerCommand(TASK_COMMANDS.fixAll, (args: unknown) => runFixer('fixAll', deps, args)));
  subs.push(vscode.commands.registerCommand(TASK_COMMANDS.resources, (args: unknown) => runFixer('resources', deps, args)));
  subs.push(vscode.commands.registerCommand(TASK_COMMANDS.pinImages, (args: unknown) => runPin('images', deps, args)));
  subs.push(vscode.commands.registerCommand(TASK_COMMANDS.pinActions, (args: unknown) => runPin('actions', deps, args)));
  subs.push(vscode.commands.registerCommand(TASK_COMMANDS.scanImage, (args: unknown) => runScanImage(deps, args)));
  return {
    planGenerate: (kind, folder, args) => planGenerate(kind, folder, args),
    planFixAll: (folder) => planFixAll(deps, folder),
    planResourceLimits: (folder) => planResourceLimits(deps, folder),
    planPin: (folder, mode, resolver) => planPin(folder, mode, resolver),
    findingsOf: async (uri) => deps.diagnostics.findingsFor(await vscode.workspace.openTextDocument(uri)),
    applyPlan: (plan, preview) => applyPlan(plan, preview ?? true),
  };
}
