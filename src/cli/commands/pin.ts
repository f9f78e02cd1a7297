import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { parseAgentConfig } from '../../agent/config';
import { pinFile } from '../../generate/pin';
import type { PinMode, PinOutcome, PinResolver, ResolutionCache } from '../../generate/pin';
import { createNodeResolver } from '../../generate/pin/node';
import type { NodeResolverOptions } from '../../generate/pin/node';
import { errorText } from '../../node/walk';
import { unifiedDiff } from '../../shared/diff';
import { collectFiles, displayPath, readConfigText } from '../files';
import type { Command } from '../io';
import { UsageError, warn, writeErr, writeOut } from '../io';

/** Test seam: replaces the HTTP resolver's endpoints (the allowlist still comes from aurora.yaml). */
export const pinTestHooks: { resolverOptions?: Partial<NodeResolverOptions>; resolver?: PinResolver } = {};

/** `permissions.network` from `--config FILE` (must be readable) or the nearest aurora.yaml. */
function networkAllowlist(explicit: string | undefined, start: string): { allow: string[]; file?: string } {
  const { file, text } = readConfigText(explicit, start, 'no host is allowed');
  if (!file) {
    return { allow: [] };
  }
  return { allow: text === undefined ? [] : parseAgentConfig(text).config.permissions.network, file };
}

/** Write a file by renaming a complete temporary copy over it, so readers never see half a file. */
function writeAtomic(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.aurora-pin-${process.pid}.tmp`);
  try {
    const mode = fs.statSync(file).mode;
    fs.writeFileSync(tmp, text, { encoding: 'utf8', mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function describe(o: PinOutcome): string {
  const what = o.ref.kind === 'image' ? 'image' : 'action';
  if (o.status === 'pinned') {
    return `pinned ${what} ${o.ref.text} -> ${o.detail}`;
  }
  return `${o.status === 'skipped' ? 'skipped' : 'could not pin'} ${what} ${o.ref.text}: ${o.detail}`;
}

/** `aurora-devops pin`: pin image tags to digests, or actions to commit SHAs. */
export const pinCommand: Command = {
  name: 'pin',
  summary: 'Pin image tags to digests or GitHub Actions to commit SHAs (hosts allowed by aurora.yaml permissions.network)',
  usage: 'aurora-devops pin images|actions [paths...] [--config FILE] [--write] [--format text|json]',
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        write: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
      },
    });
    const [mode, ...paths] = positionals;
    if (mode !== 'images' && mode !== 'actions') {
      throw new UsageError(`pin needs 'images' or 'actions'${mode ? ` (got '${mode}')` : ''}`);
    }
    if (values.format !== 'text' && values.format !== 'json') {
      throw new UsageError(`--format must be text or json (got '${values.format}')`);
    }
    const { files, unreadable } = collectFiles(paths);
    const { allow } = networkAllowlist(values.config, paths[0] ?? '.');
    const resolver =
      pinTestHooks.resolver ??
      createNodeResolver({ githubToken: process.env.GITHUB_TOKEN || undefined, ...pinTestHooks.resolverOptions, allow });
    const cache: ResolutionCache = new Map();
    const report: { path: string; changed: boolean; references: { line: number; kind: string; ref: string; status: string; detail: string; allowHost?: string }[] }[] = [];
    const diffs: string[] = [];
    const summary: string[] = [];
    const allowHosts = new Set<string>();
    let failed = 0;
    let pinned = 0;
    let readErrors = unreadable;
    for (const file of files.sort()) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        warn(`${file}: ${errorText(e)}`);
        readErrors++;
        continue;
      }
      const shown = displayPath(file);
      const result = await pinFile(shown, text, mode as PinMode, resolver, cache);
      if (result.outcomes.length === 0) {
        continue;
      }
      for (const o of result.outcomes) {
        summary.push(`${shown}:${o.ref.line}: ${describe(o)}`);
        if (o.status === 'failed') {
          failed++;
          if (o.allowHost) {
            allowHosts.add(o.allowHost);
          }
        } else if (o.status === 'pinned') {
          pinned++;
        }
      }
      const changed = result.newText !== text;
      report.push({
        path: shown,
        changed,
        references: result.outcomes.map((o) => ({ line: o.ref.line, kind: o.ref.kind, ref: o.ref.text, status: o.status, detail: o.detail, ...(o.allowHost ? { allowHost: o.allowHost } : {}) })),
      });
      if (!changed) {
        continue;
      }
      if (values.write) {
        try {
          writeAtomic(file, result.newText);
        } catch (e) {
          warn(`${shown}: not written: ${errorText(e)}`);
          failed++;
        }
      } else {
        diffs.push(unifiedDiff(text, result.newText, `a/${shown}`, `b/${shown}`));
      }
    }
    if (values.format === 'json') {
      await writeOut(JSON.stringify({ mode, written: values.write, pinned, failed, allowHosts: [...allowHosts], files: report }, null, 2) + '\n');
    } else {
      await writeOut(diffs.join(''));
      // the summary goes to stderr so that stdout stays a patch `git apply` accepts
      for (const line of summary) {
        writeErr(`${line}\n`);
      }
      const verb = values.write ? 'pinned' : 'would pin';
      writeErr(`${verb} ${pinned} reference(s); ${failed} could not be resolved${allowHosts.size > 0 ? `; allow in aurora.yaml permissions.network: ${[...allowHosts].join(', ')}` : ''}\n`);
    }
    return failed > 0 || readErrors > 0 ? 1 : 0;
  },
};
