/**
 * Pure helpers of "Aurora: Scan Image for Vulnerabilities" (no `vscode` import, unit-tested):
 * which images a file names, which scanner is installed, and the exact command line to run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { findRefs } from '../../generate/pin';

/** Scanners we know how to run, in the order they are preferred. */
export type ScannerName = 'trivy' | 'grype' | 'docker';

/** A scanner found on PATH. */
export interface FoundScanner {
  name: ScannerName;
  /** Absolute path of the executable. */
  executable: string;
}

/** Preference order: dedicated scanners first, `docker scout` (a plugin that may be missing) last. */
export const SCANNERS: readonly ScannerName[] = ['trivy', 'grype', 'docker'];

/** What to tell a user who has none of them. */
export const INSTALL_HINT =
  'No image scanner found on PATH. Install Trivy (Aqua Security: "brew install trivy", its apt/rpm repository or release binary; see the Trivy installation docs) or Grype (Anchore: "brew install grype" or its install script; see the Grype README), or Docker with the Docker Scout plugin, then run the command again.';

/** Image references a scanner can pull: registry/name[:tag][@sha256:…], nothing a shell could read as syntax. */
const IMAGE_REF = /^[a-z0-9][a-z0-9._/:-]*(@sha256:[0-9a-f]{64})?$/i;

/** Whether `ref` is safe to put on a command line unquoted. */
export function isScannableImage(ref: string): boolean {
  return ref.length <= 512 && IMAGE_REF.test(ref) && !ref.includes('..') && !ref.startsWith('-');
}

/**
 * The images a file names, most relevant first: for a Dockerfile the final stage's base image
 * leads (it is what ships), then the other stages'; for Compose and Kubernetes every `image:`.
 * References with variables (`${TAG}`), stage names and duplicates are left out.
 */
export function imagesIn(filePath: string, text: string): string[] {
  const refs = findRefs(filePath, text, 'images').filter((r) => r.kind === 'image' && !r.text.includes('$') && isScannableImage(r.text));
  const texts = refs.map((r) => r.text);
  const base = path.basename(filePath).toLowerCase();
  const isDockerfile = /^(dockerfile|containerfile)([.-].*)?$/.test(base) || /\.(dockerfile|containerfile)$/.test(base);
  const ordered = isDockerfile ? finalStageFirst(text, texts) : texts;
  return [...new Set(ordered)];
}

/** Put the image of the last FROM first, when it is an image (not an earlier stage). */
function finalStageFirst(text: string, images: string[]): string[] {
  const froms = [...text.matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)/gim)].map((m) => m[1]);
  const last = froms[froms.length - 1];
  if (last === undefined || !images.includes(last)) {
    return images;
  }
  return [last, ...images.filter((i) => i !== last)];
}

/** Whether `file` exists and can be executed. */
function executable(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** The first installed scanner on `pathVar` (the PATH value), or undefined. */
export function findScanner(pathVar: string | undefined, platform: NodeJS.Platform = process.platform, pathExt = process.env.PATHEXT): FoundScanner | undefined {
  const dirs = (pathVar ?? '').split(path.delimiter).filter((d) => d !== '' && path.isAbsolute(d));
  const exts = platform === 'win32' ? (pathExt ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean) : [''];
  for (const name of SCANNERS) {
    for (const dir of dirs) {
      for (const ext of exts) {
        const candidate = path.join(dir, name + ext);
        if (executable(candidate, platform)) {
          return { name, executable: candidate };
        }
      }
    }
  }
  return undefined;
}

/**
 * The command line that scans `image`: HIGH and CRITICAL findings fail it (exit code 1), so the
 * terminal's status line says whether the image is acceptable. Throws for an image that is not
 * a plain reference (it would need quoting, and the user confirms the exact text).
 */
export function scanCommand(scanner: ScannerName, image: string): string {
  if (!isScannableImage(image)) {
    throw new Error(`'${image}' is not an image reference that can be scanned`);
  }
  switch (scanner) {
    case 'trivy':
      return `trivy image --severity HIGH,CRITICAL --exit-code 1 ${image}`;
    case 'grype':
      return `grype ${image} --fail-on high`;
    case 'docker':
      return `docker scout cves --only-severity critical,high --exit-code ${image}`;
  }
}
