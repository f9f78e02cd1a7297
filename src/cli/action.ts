import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/*
 * The GitHub Action (action.yml → dist/action.js, built from actionMain.ts). The runner hands inputs over as
 * INPUT_<NAME> variables (name upper-cased, spaces as underscores, hyphens kept); this turns them
 * into `aurora-devops check` arguments and runs the CLI bundled beside it, so the action and the
 * CLI can never disagree.
 */

/** The action's inputs, as action.yml declares them. */
export interface ActionInputs {
  paths: string[];
  config?: string;
  failOn: string;
  format: string;
  sarifFile?: string;
}

/** An input as the runner passes it (the @actions/core convention), trimmed; '' when unset. */
export function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Read the inputs; `paths` may be separated by spaces or newlines. */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const paths = input(env, 'paths').split(/\s+/).filter((p) => p.length > 0);
  return {
    paths: paths.length > 0 ? paths : ['.'],
    config: input(env, 'config') || undefined,
    failOn: input(env, 'fail-on') || 'warning',
    format: input(env, 'format') || 'github',
    sarifFile: input(env, 'sarif-file') || undefined,
  };
}

/** The `check` arguments for one output format. */
export function checkArgs(inputs: ActionInputs, format: string): string[] {
  return ['check', ...inputs.paths, '--format', format, '--fail-on', inputs.failOn, ...(inputs.config ? ['--config', inputs.config] : [])];
}

/**
 * Run the action: the findings in `format` on stdout (annotations by default), then, with
 * `sarif-file`, the SARIF log written to that file for github/codeql-action/upload-sarif. The exit
 * code is the check's (1 when a finding reaches fail-on, 2 for a usage error).
 */
export function runAction(env: NodeJS.ProcessEnv, cli: string): number {
  const inputs = readInputs(env);
  const run = spawnSync(process.execPath, [cli, ...checkArgs(inputs, inputs.format)], { stdio: 'inherit', env });
  const code = run.status ?? 1;
  if (code === 2 || !inputs.sarifFile) {
    return code;
  }
  fs.mkdirSync(path.dirname(path.resolve(inputs.sarifFile)), { recursive: true });
  const fd = fs.openSync(inputs.sarifFile, 'w');
  try {
    const sarif = spawnSync(process.execPath, [cli, ...checkArgs(inputs, 'sarif')], { stdio: ['ignore', fd, 'inherit'], env });
    if (sarif.status === 2 || sarif.status === null) {
      process.stdout.write(`::error::aurora-devops could not write the SARIF log to ${inputs.sarifFile}\n`);
      return 2;
    }
  } finally {
    fs.closeSync(fd);
  }
  return code;
}
