import * as fs from 'fs';
import * as path from 'path';
import { excludeMatcher, parseAnalyzeConfig } from '../../core';
import type { AnalyzeConfig } from '../../core';
import { parseAgentConfig } from '../config';
import type { AgentConfigResult } from '../config';

/** A workspace folder with its aurora.yaml read and validated. */
export interface LoadedWorkspace {
  root: string;
  /** The aurora.yaml used, when there is one. */
  configFile?: string;
  agent: AgentConfigResult;
  analyzeConfig: AnalyzeConfig;
  /** aurora.yaml's `exclude:` globs (relative to its folder). */
  exclude: string[];
  /** Whether a workspace-relative path is excluded by them: the agent leaves such files out of its diagnostics. */
  excluded: (relativePath: string) => boolean;
}

/**
 * Read `<root>/aurora.yaml` (or `.yml`), or an explicit file. Returns a message instead of
 * throwing when the folder or an explicit file is unusable; problems inside the file are data.
 */
export function loadWorkspace(root: string, explicitConfig?: string): LoadedWorkspace | { error: string } {
  const dir = path.resolve(root);
  try {
    if (!fs.statSync(dir).isDirectory()) {
      return { error: `${root} is not a folder` };
    }
  } catch (e) {
    return { error: `${root}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (e as Error).message}` };
  }
  let file: string | undefined;
  if (explicitConfig !== undefined) {
    file = path.resolve(explicitConfig);
  } else {
    file = ['aurora.yaml', 'aurora.yml'].map((n) => path.join(dir, n)).find((p) => fs.existsSync(p));
  }
  let text: string | undefined;
  if (file) {
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if (explicitConfig !== undefined) {
        return { error: `--config ${explicitConfig}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
      }
      text = undefined;
      file = undefined;
    }
  }
  const agent = parseAgentConfig(text);
  const parsed = text !== undefined ? parseAnalyzeConfig(text) : undefined;
  const analyzeConfig = parsed?.config ?? {};
  const exclude = parsed?.exclude ?? [];
  const matches = excludeMatcher(exclude);
  // the globs are relative to aurora.yaml's folder, which --config can put outside the workspace
  const base = file ? path.dirname(file) : dir;
  const excluded = (relativePath: string): boolean => {
    const rel = path.relative(base, path.join(dir, relativePath));
    return !rel.startsWith('..') && !path.isAbsolute(rel) && matches(rel.split(path.sep).join('/'));
  };
  return { root: dir, configFile: file, agent, analyzeConfig, exclude, excluded };
}
