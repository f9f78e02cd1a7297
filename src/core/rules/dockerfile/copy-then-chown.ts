import type { Rule } from '../../rule';
import type { DockerfileModel, Instruction, Stage } from '../../parsers/dockerfile';
import { shellEffects } from '../../shell';
import { copyArgs, findFlag, runShells, wordRange } from './common';

/** The message for chown -R over files an earlier COPY added. */
export function message(path: string, line: number): string {
  return `chown -R ${path} rewrites every file the COPY on line ${line} put there into a new layer: the image stores them twice. Give them their owner as they are copied: COPY --chown=user:group`;
}

function clean(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** The WORKDIR in effect before an instruction of a stage (absolute only), '/' by default. */
function workdirAt(model: DockerfileModel, stage: Stage, instruction: Instruction): string | undefined {
  let dir: string | undefined = '/';
  for (const s of [...model.stageChain(stage)].reverse()) {
    for (const i of s.instructions) {
      if (i === instruction) {
        return dir;
      }
      if (i.getKeyword() === 'WORKDIR') {
        const value = i.getArgumentsContent()?.trim() ?? '';
        dir = value.startsWith('/') && !value.includes('$') ? clean(value) : value.includes('$') ? undefined : dir === undefined ? undefined : clean(`${dir}/${value}`);
      }
    }
  }
  return dir;
}

/** Destinations of the COPY/ADD instructions without --chown before a RUN in its stage chain. */
function copies(model: DockerfileModel, stage: Stage, run: Instruction): { dest: string; line: number; oneFile: boolean }[] {
  const out: { dest: string; line: number; oneFile: boolean }[] = [];
  for (const s of [...model.stageChain(stage)].reverse()) {
    for (const i of s.instructions) {
      if (i === run) {
        return out;
      }
      const keyword = i.getKeyword();
      const flags = (i as unknown as { getFlags?: () => { getName(): string }[] }).getFlags?.() ?? [];
      if ((keyword !== 'COPY' && keyword !== 'ADD') || flags.some((f) => f.getName().toLowerCase() === 'chown')) {
        continue;
      }
      const args = copyArgs(i);
      const dest = args[args.length - 1]?.value ?? '';
      if (args.length < 2 || dest.includes('$')) {
        continue;
      }
      const base = dest.startsWith('/') ? '' : workdirAt(model, s, i);
      if (base === undefined) {
        continue;
      }
      // one named file (no glob, not a folder, a name with an extension) copied to a file path:
      // storing it twice costs a few bytes
      const sources = args.slice(0, -1).map((a) => a.value);
      const oneFile = sources.length === 1 && !/[*?[]/.test(sources[0]) && !sources[0].endsWith('/') && /[^./][^/]*\.[^/]+$/.test(sources[0]) && !dest.endsWith('/');
      out.push({ dest: clean(dest.startsWith('/') ? dest : `${base}/${dest}`.replace(/\/\.?(\/|$)/g, '/').replace(/\/{2,}/g, '/')), line: i.getRange().start.line + 1, oneFile });
    }
  }
  return out;
}

/** COPY then RUN chown -R: files stored twice. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/copy-then-chown',
  meta: {
    title: 'chown -R of copied files in a later RUN',
    description: 'A layer stores every file whose metadata changed: chown -R over what COPY added copies all of it again into the RUN\'s layer, doubling its size in the image. COPY --chown sets the owner in the COPY layer itself.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const { instruction, stage, shell } of runShells(ctx.model)) {
      if (!ctx.model.inFinalImage(stage)) {
        continue;
      }
      for (const write of shellEffects(shell.script).writes) {
        const command = write.command;
        if (write.via !== 'chown' || write.dynamic || !command || !findFlag(command.args, '-R', '--recursive') || !write.word) {
          continue;
        }
        const dir = workdirAt(ctx.model, stage, instruction);
        const target = write.path.startsWith('/') ? clean(write.path) : dir === undefined ? undefined : clean(`${dir}/${write.path}`.replace(/\/\.?(\/|$)/g, '/').replace(/\/{2,}/g, '/'));
        if (!target || target === '/') {
          continue;
        }
        const copied = copies(ctx.model, stage, instruction).find((c) => c.dest === target || c.dest.startsWith(target + '/'));
        if (copied) {
          ctx.report({ range: wordRange(ctx.model, shell, write.word), message: message(write.path, copied.line), ...(copied.oneFile ? { severity: 'info' as const } : {}) });
          break;
        }
      }
    }
  },
};
