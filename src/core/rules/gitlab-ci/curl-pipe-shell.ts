import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isScalar, rangeOf, str } from '../../parsers/yaml';
import { parseShell } from '../../parsers/shell';
import type { ShellCommand, ShellScript } from '../../parsers/shell';
import type { Range } from '../../types';
import { mergedEntry } from '../shared/yamlMerge';
import { flatSeq, pipelines, reportOnce } from './model';

/** The message for a download executed by a shell. */
export function message(owner: string, downloader: string, shell: string): string {
  return `${owner} pipes '${downloader}' output into '${shell}': whatever the server (or anyone in between) returns runs in the job with its tokens; download to a file, verify its checksum or signature, then run it`;
}

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh', 'mksh', 'fish', 'python', 'python3', 'perl', 'ruby', 'node', 'pwsh', 'powershell', 'iex']);
const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'http', 'Invoke-WebRequest', 'iwr', 'irm', 'Invoke-RestMethod']);
const WRAPPERS = new Set(['sudo', 'doas', 'env', 'command', 'exec', 'nohup', 'time']);

function baseName(name: string): string {
  return name.replace(/^.*\//, '');
}

/** The interpreter a command runs (seeing through sudo/env), when it reads a script from stdin. */
export function stdinInterpreter(command: ShellCommand): string | undefined {
  let name = baseName(command.name);
  let args = command.args.map((a) => a.value);
  while (WRAPPERS.has(name)) {
    const i = args.findIndex((a) => !a.startsWith('-') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(a));
    if (i < 0) {
      return undefined;
    }
    name = baseName(args[i]);
    args = args.slice(i + 1);
  }
  if (!SHELLS.has(name)) {
    return undefined;
  }
  if (args.includes('-c')) {
    return undefined;
  }
  // `bash -s args` reads stdin; `bash script.sh` runs a file; a lone `-` is stdin too
  const dashS = args.some((a) => /^-[a-z]*s[a-z]*$/.test(a) && !a.startsWith('--'));
  const positional = args.find((a) => !a.startsWith('-'));
  return dashS || positional === undefined ? name : undefined;
}

/** Downloads executed by a shell in a script: `curl … | sh`, `bash <(curl …)`, `sh -c "$(curl …)"`. */
export function pipedDownloads(script: ShellScript): { command: ShellCommand; downloader: string; shell: string }[] {
  const out: { command: ShellCommand; downloader: string; shell: string }[] = [];
  for (const command of script.commands) {
    if (!DOWNLOADERS.has(baseName(command.name))) {
      continue;
    }
    if (command.pipeLength > 1) {
      const shell = script.commands.find((c) => c.pipelineId === command.pipelineId && c.pipeIndex > command.pipeIndex && stdinInterpreter(c));
      if (shell) {
        out.push({ command, downloader: baseName(command.name), shell: stdinInterpreter(shell) ?? shell.name });
        continue;
      }
    }
    if (command.substitutionDepth > 0) {
      const outer = script.commands.find(
        (c) => c !== command && c.substitutionDepth === command.substitutionDepth - 1 && c.start <= command.start && command.end <= c.end,
      );
      const name = outer ? baseName(outer.name) : '';
      const wrapped = outer && WRAPPERS.has(name) ? baseName(outer.args.find((a) => !a.value.startsWith('-'))?.value ?? '') : name;
      if (outer && (SHELLS.has(wrapped) || wrapped === 'eval' || wrapped === 'source' || wrapped === '.')) {
        out.push({ command, downloader: baseName(command.name), shell: wrapped });
      }
    }
  }
  return out;
}

/** The source range of the line of a script item holding an offset (literal blocks map line by line). */
function lineRange(file: YamlFile, item: unknown, text: string, offset: number): Range {
  const whole = rangeOf(file, item);
  if (!isScalar(item) || item.type !== 'BLOCK_LITERAL') {
    return whole.start.line === whole.end.line ? whole : { start: whole.start, end: { line: whole.start.line, character: file.index.lineText(whole.start.line).length } };
  }
  const lineInValue = text.slice(0, offset).split('\n').length - 1;
  const line = whole.start.line + 1 + lineInValue;
  const lineText = file.index.lineText(line);
  const indent = /^\s*/.exec(lineText)?.[0].length ?? 0;
  return { start: { line, character: indent }, end: { line, character: lineText.length } };
}

/** `curl | sh` in `script`, `before_script` and `after_script`. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/curl-pipe-shell',
  meta: {
    title: 'Download piped into a shell',
    description: 'A script that pipes `curl`/`wget` output into `sh`/`bash` (or runs it via `bash <(curl …)`) executes unverified remote code inside the job, next to its CI tokens and secrets.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      const holders: { owner: string; node: unknown }[] = [
        { owner: 'The pipeline', node: pipeline.root },
        { owner: 'default:', node: mergedEntry(pipeline.root, 'default', pipeline.doc)?.value },
        ...pipeline.jobs.map((j) => ({ owner: `Job '${j.name}'`, node: j.node })),
      ];
      for (const { owner, node } of holders) {
        for (const key of ['before_script', 'script', 'after_script']) {
          const value = mergedEntry(node, key, pipeline.doc)?.value;
          const items = isScalar(value) ? [value] : flatSeq(value, pipeline.doc);
          for (const item of items) {
            const text = str(item);
            if (!text || !/curl|wget|fetch|http|iwr|irm|Invoke-/.test(text)) {
              continue;
            }
            for (const found of pipedDownloads(parseShell(text))) {
              report({ range: lineRange(ctx.model, item, text, found.command.start), message: message(owner, found.downloader, found.shell) });
            }
          }
        }
      }
    }
  },
};
