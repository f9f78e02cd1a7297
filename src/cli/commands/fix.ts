import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { analyze, applyFixes, detectKind, PARSE_ERROR } from '../../core';
import { loadGrammarsFor } from '../../node/wasm';
import type { AnalyzeConfig, Finding, SourceFile } from '../../core';
import type { Command } from '../io';
import { warn, writeErr, writeOut } from '../io';
import { collectFiles, displayPath, envFor, excludedBy, loadConfigFile, readText } from '../files';
import { unifiedDiff } from '../../shared/diff';

/** How often fixes are re-applied after re-analysis (overlapping fixes need more than one round). */
const MAX_ROUNDS = 5;

/** The result of fixing one text. */
export interface FixOutcome {
  text: string;
  applied: Finding[];
  /** Set when the fixed text no longer parses; the original must then be kept. */
  brokeParse: boolean;
}

/**
 * Apply safe fixes repeatedly until nothing changes; refuse results that stop parsing. `folder`:
 * the other files of the file's folder, which the cross-file rules read.
 */
export function fixText(path: string, original: string, config: AnalyzeConfig, env = {}, folder: readonly SourceFile[] = []): FixOutcome {
  const bom = original.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  let text = bom ? original.slice(1) : original;
  const hadParseError = analyze(path, text, config, env, folder).some((f) => f.ruleId === PARSE_ERROR);
  const applied: Finding[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const findings = analyze(path, text, config, env, folder);
    const result = applyFixes(text, findings);
    if (result.applied.length === 0 || result.text === text) {
      break;
    }
    applied.push(...result.applied);
    text = result.text;
  }
  const brokeParse = !hadParseError && analyze(path, text, config, env, folder).some((f) => f.ruleId === PARSE_ERROR);
  return { text: bom + text, applied, brokeParse };
}

/** `aurora-devops fix`: apply mechanical fixes in place, or print them as a diff. */
export const fixCommand: Command = {
  name: 'fix',
  summary: 'Apply safe mechanical fixes (or print them as a unified diff with --dry-run)',
  usage: 'aurora-devops fix [paths...] [--dry-run] [--config FILE]',
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, config: { type: 'string' } },
    });
    const { config, exclude } = loadConfigFile(values.config, positionals[0] ?? '.');
    // aurora.yaml's exclude: files check leaves out are not fixed either
    const collected = collectFiles(positionals, excludedBy([exclude]));
    let unreadable = collected.unreadable;
    let changedFiles = 0;
    let fixCount = 0;
    const diffs: string[] = [];
    // the current text of the files of each folder, for the cross-file rules (fixed ones as fixed)
    const texts = new Map<string, string | undefined>();
    const textOf = (file: string): string | undefined => {
      if (!texts.has(file)) {
        texts.set(file, readText(file));
      }
      return texts.get(file);
    };
    const byFolder = new Map<string, string[]>();
    for (const file of collected.files) {
      const dir = path.dirname(file);
      byFolder.set(dir, [...(byFolder.get(dir) ?? []), file]);
    }
    const folderOf = (file: string): SourceFile[] =>
      (byFolder.get(path.dirname(file)) ?? []).flatMap((other) => {
        const text = other === file ? undefined : textOf(other);
        return text === undefined ? [] : [{ path: displayPath(other), text }];
      });
    for (const file of collected.files) {
      const original = textOf(file);
      if (original === undefined) {
        unreadable++;
        continue;
      }
      const shown = displayPath(file);
      // compiled on the first file that needs it (none for compose or Kubernetes)
      await loadGrammarsFor([detectKind(shown, original, envFor(file))]);
      const outcome = fixText(shown, original, config, envFor(file), folderOf(file));
      texts.set(file, outcome.brokeParse ? original : outcome.text);
      if (outcome.applied.length === 0 || outcome.text === original) {
        continue;
      }
      if (outcome.brokeParse) {
        warn(`${shown}: fixes skipped because the result would not parse (please report this file)`);
        continue;
      }
      if (values['dry-run']) {
        changedFiles++;
        fixCount += outcome.applied.length;
        diffs.push(unifiedDiff(original, outcome.text, `a/${shown.replace(/^\//, '')}`, `b/${shown.replace(/^\//, '')}`));
      } else {
        let tmp: string | undefined;
        try {
          // write through a symlink (renaming onto the link itself would replace it with a copy)
          const target = fs.realpathSync(file);
          tmp = `${target}.aurora-tmp-${process.pid}`;
          const mode = fs.statSync(target).mode;
          fs.writeFileSync(tmp, outcome.text, { mode });
          fs.renameSync(tmp, target);
          // counted once written: the summary must not claim a fix that could not be saved
          changedFiles++;
          fixCount += outcome.applied.length;
        } catch (e) {
          warn(`${shown}: could not write the fixed file: ${(e as Error).message}`);
          unreadable++;
          if (tmp !== undefined) {
            try {
              // a half-written temporary file must not be left behind
              fs.rmSync(tmp, { force: true });
            } catch {
              // it could not be created either
            }
          }
        }
      }
    }
    if (values['dry-run']) {
      await writeOut(diffs.join(''));
      writeErr(`${fixCount} fix${fixCount === 1 ? '' : 'es'} would change ${changedFiles} file${changedFiles === 1 ? '' : 's'} (dry run, nothing written).\n`);
    } else {
      await writeOut(`${fixCount} fix${fixCount === 1 ? '' : 'es'} applied to ${changedFiles} file${changedFiles === 1 ? '' : 's'}.\n`);
    }
    return unreadable > 0 ? 2 : 0;
  },
};
