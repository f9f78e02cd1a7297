import * as fs from 'fs';
import * as path from 'path';
import { credentialVariables } from '../credentials';
import { SecretValues, worthRedacting } from '../secretValues';
import type { SecretValueEntry } from '../secretValues';

/**
 * Where the known secret values come from: the workspace's `.env` files and the credential
 * variables of this process's environment. Computed at the start of each agent run, so an edited
 * `.env` counts from the next message on.
 */

/** Folders never searched for `.env` files: dependencies and VCS data. */
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', '.terraform', '.venv', 'venv', '__pycache__', '.vscode-test']);
/** Directory entries visited at most (a huge tree costs a bounded walk, not a stall). */
export const MAX_ENTRIES = 20_000;
/** `.env` files larger than this are not environment files. */
const MAX_FILE_BYTES = 1_000_000;

/** `.env`, `.env.local`, `.env.production`, `.envrc` — not `.env.example` and its kin, whose values are placeholders. */
export function isEnvFile(name: string): boolean {
  if (!/^\.env(rc)?(\..+)?$/i.test(name)) {
    return false;
  }
  return !name
    .toLowerCase()
    .split('.')
    .some((part) => ['example', 'examples', 'sample', 'samples', 'template', 'tpl', 'dist'].includes(part));
}

/**
 * `KEY=value` pairs of a dotenv file: `export KEY=value`, `KEY: value`, single-, double- and
 * backquoted values (double quotes may span lines and expand `\n`), `# comments`.
 */
export function parseEnvFile(text: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=|:\s)\s*(.*)$/.exec(lines[i]);
    if (!m) {
      continue;
    }
    const name = m[1];
    let rest = m[2];
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      // the value runs to the closing quote, possibly on a later line
      let body = rest.slice(1);
      let close = closing(body, quote);
      while (close < 0 && i + 1 < lines.length && quote !== "'") {
        i++;
        body += `\n${lines[i]}`;
        close = closing(body, quote);
      }
      const raw = close < 0 ? body : body.slice(0, close);
      out.push({ name, value: raw });
      if (quote === '"' && /\\[nrt"\\]/.test(raw)) {
        out.push({ name, value: raw.replace(/\\n/g, '\n').replace(/\\r/g, '\r').replace(/\\t/g, '\t').replace(/\\(["\\])/g, '$1') });
      }
      continue;
    }
    rest = rest.replace(/\s+#.*$/, '').trim();
    out.push({ name, value: rest });
  }
  return out;
}

function closing(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && quote !== "'") {
      i++;
    } else if (body[i] === quote) {
      return i;
    }
  }
  return -1;
}

/** The password of a URL with credentials (`postgres://app:hunter22@db`), decoded. */
function urlPassword(value: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^\s/@:]+:([^\s/@]+)@/i.exec(value.trim());
  if (!m) {
    return undefined;
  }
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/** The `.env` files under root (relative, forward slashes), breadth first, bounded. */
export async function findEnvFiles(root: string, maxEntries = MAX_ENTRIES): Promise<string[]> {
  const found: string[] = [];
  const queue: string[] = [''];
  let visited = 0;
  for (let head = 0; head < queue.length && visited < maxEntries; head++) {
    const rel = queue[head];
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (++visited > maxEntries) {
        break;
      }
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) {
          queue.push(child);
        }
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isEnvFile(entry.name)) {
        found.push(child);
      }
    }
  }
  return found;
}

/**
 * The secret values the agent must never show the model: every value of the workspace's `.env`
 * files worth redacting (src/agent/secretValues.ts `worthRedacting`), the passwords of URLs among
 * them, and the values of the credential variables of `env`.
 */
export async function collectSecretValues(root: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<SecretValues> {
  const entries: SecretValueEntry[] = [];
  for (const name of credentialVariables(env)) {
    entries.push({ value: env[name] ?? '', source: `$${name}` });
  }
  for (const rel of await findEnvFiles(root)) {
    let text: string;
    try {
      const file = path.join(root, rel);
      if ((await fs.promises.stat(file)).size > MAX_FILE_BYTES) {
        continue;
      }
      text = await fs.promises.readFile(file, 'utf8');
    } catch {
      continue;
    }
    for (const { name, value } of parseEnvFile(text)) {
      const source = `${rel}:${name}`;
      if (worthRedacting(name, value)) {
        entries.push({ value, source });
      }
      const password = urlPassword(value);
      if (password !== undefined) {
        entries.push({ value: password, source });
      }
    }
  }
  return new SecretValues(entries);
}
