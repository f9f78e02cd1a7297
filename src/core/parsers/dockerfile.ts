import { DockerfileParser } from 'dockerfile-ast';
import type { Dockerfile, From, Instruction } from 'dockerfile-ast';
import type { TextIndex } from '../text';
import type { Range } from '../types';
import { parseShell } from './shell';
import type { ShellScript } from './shell';

export type { Dockerfile, From, Instruction };

/** One build stage: a FROM and the instructions up to the next FROM. */
export interface Stage {
  index: number;
  from: From;
  /** `AS name`, lower-cased, when given. */
  name?: string;
  /** Image reference as written (variables unexpanded). */
  image: string;
  instructions: Instruction[];
}

/** The shell script of a shell-form instruction, with its offset in the Dockerfile. */
export interface EmbeddedShell {
  script: ShellScript;
  /** Offset of the script's first character in the Dockerfile text. */
  base: number;
}

/** A Dockerfile parsed once for all Dockerfile rules. */
export interface DockerfileModel {
  dockerfile: Dockerfile;
  instructions: Instruction[];
  stages: Stage[];
  /** Shell script of a RUN (or shell-form CMD/ENTRYPOINT) instruction; undefined for exec form. */
  shellOf(instruction: Instruction): EmbeddedShell | undefined;
  /** Convert a range inside an embedded shell script to a Dockerfile range. */
  shellRange(shell: EmbeddedShell, start: number, end: number): Range;
}

/** Parse a Dockerfile. dockerfile-ast is tolerant, so this never fails on bad input. */
export function parseDockerfile(text: string, index: TextIndex): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      const from = instruction as From;
      stages.push({
        index: stages.length,
        from,
        name: from.getBuildStage()?.toLowerCase() ?? undefined,
        image: from.getImage() ?? '',
        instructions: [instruction],
      });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  const cache = new Map<Instruction, EmbeddedShell | undefined>();
  const model: DockerfileModel = {
    dockerfile,
    instructions,
    stages,
    shellOf(instruction) {
      if (cache.has(instruction)) {
        return cache.get(instruction);
      }
      let result: EmbeddedShell | undefined;
      const args = instruction.getArgumentsRange();
      if (args) {
        const base = index.offsetAt(args.start);
        const end = index.offsetAt(instruction.getRange().end);
        let body = text.slice(base, end);
        const trimmed = body.trimStart();
        const isExecForm = trimmed.startsWith('[') && trimmed.trimEnd().endsWith(']');
        if (!isExecForm && !trimmed.startsWith('<<')) {
          // RUN flags such as --mount=… are Docker's, not the shell's: blank them out in place so
          // offsets stay aligned.
          body = body.replace(/^(\s*--[a-z-]+=\S+\s*)+/, (m) => ' '.repeat(m.length));
          result = { script: parseShell(stripDockerComments(body)), base };
        }
      }
      cache.set(instruction, result);
      return result;
    },
    shellRange(shell, start, end) {
      return index.range(shell.base + start, shell.base + end);
    },
  };
  return model;
}

/** Docker drops comment lines inside continued instructions; blank them keeping offsets. */
function stripDockerComments(body: string): string {
  return body.replace(/(^|\n)([ \t]*#[^\n]*)/g, (_m, nl: string, comment: string) => nl + ' '.repeat(comment.length));
}
