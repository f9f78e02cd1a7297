import type { Rule } from '../../rule';
import type { DockerfileModel, EmbeddedShell, Instruction } from '../../parsers/dockerfile';
import { DOWNLOADERS, shellEffects } from '../../shell';
import type { CommandRun } from '../../shell';
import type { Fix } from '../../types';
import { parseImageRef } from '../shared/image';
import { runShells, wordRange } from './common';

/** The message for a pipeline whose failures are hidden. */
export function message(): string {
  return 'Pipe without pipefail: the RUN only fails if the last command fails, so an error on the left (a failed download) goes unnoticed. Set SHELL ["/bin/bash", "-o", "pipefail", "-c"] or start the RUN with set -o pipefail';
}

/** Commands that cannot fail on the left of a pipe (they only print their arguments). */
const CANNOT_FAIL = new Set(['echo', 'printf', 'yes', 'true']);

/** Whether a SHELL array or a `set` command's arguments turn pipefail on. */
function enablesPipefail(args: readonly string[]): boolean {
  for (let i = 0; i < args.length - 1; i++) {
    if (/^-[A-Za-z]*o$/.test(args[i]) && args[i + 1] === 'pipefail') {
      return true;
    }
  }
  return false;
}

function isBash(shell: readonly string[] | undefined): boolean {
  return !!shell && shell.length > 0 && /(^|\/)(bash|zsh|ksh)$/.test(shell[0]);
}

/** Alpine and BusyBox images have no bash, but their sh understands set -o pipefail. */
function busyboxBase(model: DockerfileModel, instruction: Instruction): boolean {
  const stage = model.stageOf(instruction);
  if (!stage) {
    return false;
  }
  const chain = model.stageChain(stage);
  const image = parseImageRef(chain[chain.length - 1].image);
  return /(^|\/)(alpine|busybox)$/.test(image.repository) || /alpine/.test(image.tag ?? '');
}

/** RUN commands with pipes should run with pipefail. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/missing-pipefail',
  meta: {
    title: 'Pipe in RUN without pipefail',
    description: 'A pipeline returns the status of its last command. Without pipefail, `curl … | tar x` succeeds even when the download fails, and the image is built broken.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [{ tool: 'hadolint', id: 'DL4006' }],
  },
  check(ctx) {
    const shellFixOffered = new Set<unknown>();
    for (const { instruction, stage, shell } of runShells(ctx.model)) {
      const shellArgs = ctx.model.shellAt(instruction);
      if (shellArgs && enablesPipefail(shellArgs)) {
        continue;
      }
      // the RUN's own pipelines: those inside `sh -c '…'` run in another shell, which SHELL does not set
      const runs = shellEffects(shell.script).commands.filter((c) => c.origin.depth === 0);
      const pipelines = new Map<string, CommandRun[]>();
      for (const command of runs) {
        if (command.pipeLength > 1) {
          const list = pipelines.get(command.pipeline) ?? [];
          list.push(command);
          pipelines.set(command.pipeline, list);
        }
      }
      const sets = runs.filter((c) => c.name === 'set' && enablesPipefail(c.args.map((a) => a.value)));
      for (const members of pipelines.values()) {
        // `echo … | sha256sum -c -`: when nothing upstream can fail, pipefail changes nothing
        const last = Math.max(...members.map((m) => m.pipeIndex));
        if (members.every((m) => m.pipeIndex === last || CANNOT_FAIL.has(m.name))) {
          continue;
        }
        const start = Math.min(...members.map((m) => m.start));
        const end = Math.max(...members.map((m) => m.end));
        if (sets.some((s) => s.end <= start)) {
          continue;
        }
        // the harm is a failed download going unnoticed; when nothing upstream fetches anything
        // (`dpkg --print-architecture | awk …`, `gpg --fingerprint | grep …`), a failure on the left
        // mostly shows up on the right anyway: said at info
        const fetches = members.some((m) => m.pipeIndex !== last && DOWNLOADERS.has(m.name));
        let fix = pipefailFix(ctx.model, ctx.index.eol, instruction, shellArgs, shell);
        if (fix && fix.title.includes('SHELL')) {
          // one SHELL line covers every later RUN of the stage: offer it once
          if (shellFixOffered.has(stage)) {
            fix = undefined;
          }
          shellFixOffered.add(stage);
        }
        ctx.report({ range: wordRange(ctx.model, shell, { start, end }), message: message(), fix, ...(fetches ? {} : { severity: 'info' as const }) });
      }
    }
  },
};

function pipefailFix(model: DockerfileModel, eol: string, instruction: Instruction, shellArgs: string[] | undefined, shell: EmbeddedShell): Fix | undefined {
  const first = shell.script.text.search(/\S/);
  if (first < 0) {
    return undefined;
  }
  const isHeredoc = (instruction.getRawArgumentsContent() ?? '').trimStart().startsWith('<<');
  if (isBash(shellArgs) || busyboxBase(model, instruction)) {
    if (isHeredoc) {
      return undefined;
    }
    const at = model.shellRange(shell, first, first);
    return { title: 'Start the RUN with set -o pipefail', safe: false, edits: [{ range: at, newText: 'set -o pipefail && ' }] };
  }
  if (shellArgs) {
    // a custom non-bash SHELL: the user chose it, do not replace it
    return undefined;
  }
  const start = instruction.getRange().start;
  const indent = ' '.repeat(start.character);
  return {
    title: 'Run with bash -o pipefail (SHELL)',
    safe: false,
    edits: [{ range: { start, end: start }, newText: `SHELL ["/bin/bash", "-o", "pipefail", "-c"]${eol}${indent}` }],
  };
}
