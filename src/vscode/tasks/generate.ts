/**
 * The generator commands: Containerize Project, Generate CI Pipeline, Generate Kubernetes
 * Manifests, Generate Terraform Skeleton. Each plans with the offline generators (src/generate),
 * creates new files directly and replaces existing ones only through the refactor preview, opens
 * the main file and offers "Refine with DevOps Agent".
 */
import * as vscode from 'vscode';
import { detectCiProvider, detectStack, generate, GenerateError } from '../../generate';
import type { CiProvider, CloudProvider, GeneratedFile, GenerateOptions, Stack, Target } from '../../generate';
import { readProject } from '../../generate/node';
import { errorText } from '../diagnostics';
import type { PlannedChange, TaskDeps, TaskPlan } from './common';
import { applyPlan, currentText, displayFolder, makePlan, offerRefine, requireTrust, resolveFolder } from './common';
import { plural, refineSeed, stackFacts } from './text';

/** The four generator tasks. */
export type GeneratorKind = 'containerize' | 'pipeline' | 'k8s' | 'terraform';

/** Options of a generator task; what is missing is detected or asked. */
export interface GeneratorArgs {
  /** Project folder; default: the active file's project, else the workspace folder. */
  folder?: vscode.Uri;
  /** CI provider (pipeline) or cloud (terraform). */
  provider?: CiProvider | CloudProvider;
  hpa?: boolean;
  pdb?: boolean;
  name?: string;
  port?: number;
}

/** A generator plan: the edit, plus what was generated and detected. */
export interface GeneratePlan extends TaskPlan {
  kind: GeneratorKind;
  folder: vscode.Uri;
  stack: Stack;
  /** Every generated file (also those already identical on disk). */
  files: GeneratedFile[];
  /** The file opened after applying. */
  main: vscode.Uri;
}

interface GeneratorSpec {
  title: string;
  /** What the refine message calls the output. */
  what: string;
  targets: Target[];
  /** The file opened afterwards (relative), or the first generated one. */
  main?: string;
}

const SPECS: Record<GeneratorKind, GeneratorSpec> = {
  containerize: { title: 'Containerize Project', what: 'Dockerfile, .dockerignore and compose.yaml', targets: ['dockerfile', 'compose'], main: 'Dockerfile' },
  pipeline: { title: 'Generate CI Pipeline', what: 'CI pipeline', targets: ['pipeline'] },
  k8s: { title: 'Generate Kubernetes Manifests', what: 'Kubernetes manifests', targets: ['k8s'], main: 'k8s/deployment.yaml' },
  terraform: { title: 'Generate Terraform Skeleton', what: 'Terraform skeleton', targets: ['terraform'], main: 'terraform/main.tf' },
};

/** Command ids by generator. */
export const GENERATOR_COMMANDS: Record<GeneratorKind, string> = {
  containerize: 'aurora.containerize',
  pipeline: 'aurora.generatePipeline',
  k8s: 'aurora.generateK8s',
  terraform: 'aurora.generateTerraform',
};

/**
 * Plan a generator: detect the project in `folder`, generate its files, and turn them into
 * changes — new files are created, files already identical are left alone, and a file that
 * exists with other text is replaced only after the user ticks it in the preview. Throws
 * GenerateError when the project cannot be handled.
 */
export async function planGenerate(kind: GeneratorKind, folder: vscode.Uri, args: Omit<GeneratorArgs, 'folder'> = {}): Promise<GeneratePlan> {
  const spec = SPECS[kind];
  const input = readProject(folder.fsPath);
  const options: GenerateOptions = { provider: args.provider, hpa: args.hpa, pdb: args.pdb, name: args.name, port: args.port };
  const stack = detectStack(input, options);
  const files = spec.targets.flatMap((t) => generate(t, input, options));
  const changes: PlannedChange[] = [];
  let created = 0;
  let replaced = 0;
  let same = 0;
  for (const f of files) {
    const uri = vscode.Uri.joinPath(folder, ...f.path.split('/'));
    const rel = vscode.workspace.asRelativePath(uri, false);
    const current = await currentText(uri);
    if (!current) {
      changes.push({ uri, path: rel, create: f.text, edits: [], needsConfirmation: false });
      created++;
    } else if (current.text.replace(/\r\n/g, '\n') === f.text) {
      same++;
    } else {
      const label = vscode.l10n.t('Replace existing files (review)');
      changes.push({ uri, path: rel, edits: [{ range: current.range, newText: f.text, label, description: rel }], needsConfirmation: true });
      replaced++;
    }
  }
  const parts = [created > 0 ? `create ${plural(created, 'file', 'files')}` : '', replaced > 0 ? `replace ${plural(replaced, 'existing file', 'existing files')} (after review)` : '', same > 0 ? `${plural(same, 'file is', 'files are')} already up to date` : '']
    .filter(Boolean)
    .join(', ');
  const summary = `${spec.title} (${stack.language}${stack.language === 'generic' ? '' : ` ${stack.name}`}) in ${displayFolder(folder) || 'the workspace root'}: ${parts}`;
  const main = vscode.Uri.joinPath(folder, ...(spec.main ?? files[0]?.path ?? '').split('/'));
  return { ...makePlan(changes, summary), kind, folder, stack, files, main };
}

/** Ask what detection cannot know; undefined when the user cancels. */
async function askOptions(kind: GeneratorKind, folder: vscode.Uri, args: GeneratorArgs): Promise<GeneratorArgs | undefined> {
  const out = { ...args };
  if (kind === 'pipeline' && out.provider === undefined) {
    const detected = detectCiProvider(readProject(folder.fsPath));
    if (detected) {
      out.provider = detected;
    } else {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'GitHub Actions', description: '.github/workflows/ci.yml', provider: 'github' as const },
          { label: 'GitLab CI', description: '.gitlab-ci.yml', provider: 'gitlab' as const },
        ],
        { title: vscode.l10n.t('Aurora: Generate CI Pipeline'), placeHolder: vscode.l10n.t('No CI provider detected: where does the code live?') },
      );
      if (!pick) {
        return undefined;
      }
      out.provider = pick.provider;
    }
  }
  if (kind === 'terraform' && out.provider === undefined) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'AWS', description: vscode.l10n.t('ECR repository, S3 state with locking'), provider: 'aws' as const },
        { label: 'Google Cloud', description: vscode.l10n.t('Artifact Registry, GCS state'), provider: 'gcp' as const },
      ],
      { title: vscode.l10n.t('Aurora: Generate Terraform Skeleton'), placeHolder: vscode.l10n.t('Cloud provider') },
    );
    if (!pick) {
      return undefined;
    }
    out.provider = pick.provider;
  }
  if (kind === 'k8s' && out.hpa === undefined) {
    const items: (vscode.QuickPickItem & { key: 'hpa' | 'pdb' })[] = [
      { label: 'HorizontalPodAutoscaler', description: vscode.l10n.t('scale on CPU between 2 and 10 replicas'), key: 'hpa' },
      { label: 'PodDisruptionBudget', description: vscode.l10n.t('always written: the Deployment runs 2+ replicas'), picked: true, key: 'pdb' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Aurora: Generate Kubernetes Manifests'), placeHolder: vscode.l10n.t('Extras to add'), canPickMany: true });
    if (!picked) {
      return undefined;
    }
    out.hpa = picked.some((p) => p.key === 'hpa');
    out.pdb = true;
  }
  return out;
}

/**
 * Run a generator command: pick the folder and options, plan, apply (preview when a file
 * exists), open the main file, offer refinement. Returns the plan and whether it was applied.
 */
export async function runGenerator(kind: GeneratorKind, deps: TaskDeps, rawArgs: unknown): Promise<{ plan: GeneratePlan; applied: boolean } | undefined> {
  const spec = SPECS[kind];
  if (!requireTrust(spec.title)) {
    return undefined;
  }
  const given = (rawArgs instanceof vscode.Uri ? { folder: rawArgs } : typeof rawArgs === 'object' && rawArgs !== null ? rawArgs : {}) as GeneratorArgs;
  const folder = await resolveFolder(given.folder, true);
  if (!folder) {
    return undefined;
  }
  let plan: GeneratePlan;
  try {
    const args = await askOptions(kind, folder, given);
    if (!args) {
      return undefined;
    }
    plan = await planGenerate(kind, folder, args);
  } catch (e) {
    // the generators speak to the CLI; in the editor the folder comes from the active file
    const text = e instanceof GenerateError ? e.message.replace('use --dir to point at the project', 'open a file of the project first') : errorText(e);
    deps.log.warn(`${spec.title}: ${text}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('Aurora: {0}: {1}', spec.title, text));
    return undefined;
  }
  deps.log.info(plan.summary);
  if (plan.changes.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Aurora: {0}', plan.summary));
    return { plan, applied: false };
  }
  const applied = await applyPlan(plan, true);
  if (!applied) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Aurora: {0}: nothing was written.', spec.title));
    return { plan, applied };
  }
  try {
    await vscode.window.showTextDocument(plan.main, { preview: false });
  } catch (e) {
    deps.log.warn(`cannot open ${plan.main.fsPath}: ${errorText(e)}`);
  }
  // the preview leaves replacements unticked: say which existing files the user kept
  let kept = 0;
  for (const c of plan.changes.filter((x) => x.create === undefined)) {
    const now = await currentText(c.uri);
    if (now && now.text !== c.edits[0]?.newText) {
      kept++;
    }
  }
  const done = kept > 0 ? `${plan.summary}; kept ${plural(kept, 'existing file', 'existing files')} as ${kept === 1 ? 'it was' : 'they were'}` : plan.summary;
  const folderName = displayFolder(folder);
  await offerRefine(deps, vscode.l10n.t('Aurora: {0}', done), () => refineSeed(spec.what, folderName, stackFacts(plan.stack), plan.files));
  return { plan, applied };
}
