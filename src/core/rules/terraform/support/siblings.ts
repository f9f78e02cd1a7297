import type { AnalyzeEnv } from '../../../types';

/** Files where Terraform modules conventionally keep their `terraform {}` settings and providers. */
const SETTINGS_FILES = ['backend.tf', 'backends.tf', 'state.tf', 'remote-state.tf', 'terraform.tf', 'versions.tf', 'version.tf', 'providers.tf', 'provider.tf', 'main.tf'];

/** Folder names that hold modules run to show or test a module, not to manage infrastructure. */
const SAMPLE_FOLDERS = new Set(['example', 'examples', 'test', 'tests', 'testdata', 'fixtures', 'e2e', 'samples']);

/** Whether a folder path lies in an example or test folder (see SAMPLE_FOLDERS). */
export function inSampleFolder(folder: string): boolean {
  return folder.split(/[\\/]/).some((s) => SAMPLE_FOLDERS.has(s.toLowerCase()));
}

function baseName(path: string): string {
  const norm = path.replace(/\\/g, '/');
  return norm.slice(norm.lastIndexOf('/') + 1);
}

/**
 * Whether another file beside `path` may hold module-wide settings (backend, required_providers).
 * A file rule cannot read its siblings, so module-level "missing" checks stay silent when the host
 * says such a file exists. Without a host answer (single-file analysis) the file is taken alone.
 */
export function settingsMayBeElsewhere(path: string, env: AnalyzeEnv): boolean {
  if (!env.fileExists) {
    return false;
  }
  const self = baseName(path);
  return SETTINGS_FILES.some((f) => f !== self && env.fileExists?.(f));
}
