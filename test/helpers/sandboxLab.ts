import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AgentConfig } from '../../src/agent/types';

/**
 * A laboratory for running attacks against the agent's sandbox: a workspace whose aurora.yaml
 * permits writes under /k8s and the network to github.com and one loopback "allowed host", and
 * canaries all around it — a folder outside the workspace, a fake HOME with cloud and SSH
 * credentials, credential variables in the parent's environment, a `.env` value, a loopback
 * listener that is NOT in the network list, and the hashes of everything in the workspace but
 * /k8s (aurora.yaml, .git, .vscode included). `intact()` says what changed.
 */

export interface Lab {
  base: string;
  ws: string;
  outside: string;
  home: string;
  config: AgentConfig;
  /** Secret strings that must never appear in what a command prints. */
  canaries: string[];
  /** Port of the listener commands may reach (in permissions.network as 127.0.0.1:PORT). */
  allowedPort: number;
  /** Port of the listener no command may reach. */
  canaryPort: number;
  /** Connections the forbidden listener saw. */
  canaryHits(): number;
  /** Requests the allowed listener answered. */
  allowedHits(): number;
  /** What differs from the starting state (empty when every canary is untouched). */
  intact(): string[];
  close(): Promise<void>;
}

function hashTree(root: string, skip: (rel: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    const abs = rel === '' ? root : path.join(root, rel);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch {
      return;
    }
    if (rel !== '' && skip(rel)) {
      return;
    }
    if (st.isSymbolicLink()) {
      out.set(rel, `link:${fs.readlinkSync(abs)}`);
    } else if (st.isDirectory()) {
      out.set(rel, `dir:${st.mode}`);
      for (const name of fs.readdirSync(abs).sort()) {
        walk(rel === '' ? name : `${rel}/${name}`);
      }
    } else {
      out.set(rel, `file:${st.mode}:${createHash('sha256').update(fs.readFileSync(abs)).digest('hex')}`);
    }
  };
  walk('');
  return out;
}

function diff(before: Map<string, string>, after: Map<string, string>, label: string): string[] {
  const out: string[] = [];
  for (const [k, v] of after) {
    if (!before.has(k)) {
      out.push(`${label}: created ${k}`);
    } else if (before.get(k) !== v) {
      out.push(`${label}: changed ${k}`);
    }
  }
  for (const k of before.keys()) {
    if (!after.has(k)) {
      out.push(`${label}: removed ${k}`);
    }
  }
  return out;
}

const PROTECTED = /(^|\/)(\.git|\.gitmodules|\.vscode|\.envrc|aurora\.ya?ml|[^/]*\.code-workspace|AGENTS\.md|CLAUDE\.md|GEMINI\.md|\.claude|\.mcp\.json|\.cursor|\.devcontainer)$/i;

/** Build the lab; sets HOME and credential variables of this process (restored by close). */
export async function openLab(prefix = 'aurora-lab-'): Promise<Lab> {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const ws = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  const home = path.join(base, 'home');
  const tag = randomBytes(6).toString('hex');
  const canary = (name: string): string => `canary-${name}-${tag}`;
  const canaries = {
    env: canary('dotenv'),
    apiKey: `sk-ant-api03-${canary('apikey')}`,
    aws: canary('awssecret'),
    gh: `ghp_${canary('ghtoken')}`,
    homeAws: canary('homeaws'),
    ssh: canary('sshkey'),
    kube: canary('kubeconfig'),
    tfstate: canary('tfstate'),
    nodeModulesEnv: canary('nmenv'),
    dotTerraform: canary('dotterraform'),
    kubeProd: canary('kubeprod'),
    history: canary('history'),
    dbUrl: canary('dburl'),
    pat: canary('pat'),
  };
  const files: Record<string, string> = {
    'aurora.yaml': 'agents:\n  devops:\n    tools: [read_file, write_file, run_shell_command]\n    permissions:\n      filesystem: ["/k8s"]\n      network: ["github.com"]\n',
    '.env': `DB_PASSWORD=${canaries.env}\n`,
    '.env.example': 'DB_PASSWORD=change-me\n',
    'terraform/terraform.tfstate': `{"secret": "${canaries.tfstate}"}\n`,
    'terraform/main.tf': 'resource "aws_s3_bucket" "b" { bucket = "logs" }\n',
    'k8s/app.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  a: b\n',
    '.vscode/settings.json': '{}\n',
    'README.md': '# lab\n',
    'node_modules/pkg/.env': `TOKEN=${canaries.nodeModulesEnv}\n`,
    '.terraform/terraform.tfstate': `{"backend": "${canaries.dotTerraform}"}\n`,
    '.gitignore': '.env\n*.tfstate\nnode_modules/\n.terraform/\n',
    'Makefile': 'check:\n\t@echo make-ok\n',
    'package.json': '{"name":"lab","version":"1.0.0","private":true,"scripts":{"test":"node -e \\"console.log(\'npm-test-ok\')\\""}}\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), text);
  }
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(path.join(outside, 'keep.txt'), 'outside the workspace\n');
  for (const [rel, text] of Object.entries({ '.aws/credentials': `[default]\naws_secret_access_key = ${canaries.homeAws}\n`, '.ssh/id_rsa': `-----BEGIN OPENSSH PRIVATE KEY-----\n${canaries.ssh}\n-----END OPENSSH PRIVATE KEY-----\n`, '.kube/config': `users:\n- name: u\n  user:\n    token: ${canaries.kube}\n`, '.gitconfig': '[user]\n  name = lab\n  email = lab@example.invalid\n', '.kube/prod.yaml': `token: ${canaries.kubeProd}\n`, '.bash_history': `export X=${canaries.history}\n` })) {
    fs.mkdirSync(path.dirname(path.join(home, rel)), { recursive: true });
    fs.writeFileSync(path.join(home, rel), text);
  }
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: ws, env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1' }, stdio: 'ignore' });
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'commit.gpgsign=false', 'commit', '-qm', 'lab');
  git('remote', 'add', 'origin', 'https://github.com/example/lab.git');

  // the listener no command may reach, and the one that is allowed
  let canaryHits = 0;
  const canaryServer = net.createServer((s) => {
    canaryHits++;
    s.destroy();
  });
  await new Promise<void>((r) => canaryServer.listen(0, '127.0.0.1', r));
  const canaryPort = (canaryServer.address() as net.AddressInfo).port;
  let allowedHits = 0;
  const allowedServer = http.createServer((_req, res) => {
    allowedHits++;
    res.end('allowed-host-ok\n');
  });
  await new Promise<void>((r) => allowedServer.listen(0, '127.0.0.1', r));
  const allowedPort = (allowedServer.address() as net.AddressInfo).port;

  const saved = { HOME: process.env.HOME, ANTHROPIC_API_KEY: process.env.ANTHROPIC_API_KEY, AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN: process.env.GITHUB_TOKEN, GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM, DATABASE_URL: process.env.DATABASE_URL, GITHUB_PAT: process.env.GITHUB_PAT };
  process.env.DATABASE_URL = `postgres://app:${canaries.dbUrl}@db.internal:5432/app`;
  process.env.GITHUB_PAT = canaries.pat;
  process.env.HOME = home;
  process.env.ANTHROPIC_API_KEY = canaries.apiKey;
  process.env.AWS_SECRET_ACCESS_KEY = canaries.aws;
  process.env.GITHUB_TOKEN = canaries.gh;
  process.env.GIT_CONFIG_NOSYSTEM = '1';

  const config: AgentConfig = {
    tools: ['read_file', 'write_file', 'run_shell_command'],
    permissions: { filesystem: ['/k8s'], network: ['github.com', `127.0.0.1:${allowedPort}`] },
  };
  const notK8s = (rel: string): boolean => rel === 'k8s' || rel.startsWith('k8s/');
  const wsBefore = hashTree(ws, notK8s);
  const baseBefore = hashTree(base, (rel) => rel === 'ws');
  return {
    base,
    ws,
    outside,
    home,
    config,
    canaries: Object.values(canaries),
    allowedPort,
    canaryPort,
    canaryHits: () => canaryHits,
    allowedHits: () => allowedHits,
    intact() {
      const problems = [...diff(wsBefore, hashTree(ws, notK8s), 'workspace outside /k8s'), ...diff(baseBefore, hashTree(base, (rel) => rel === 'ws'), 'outside the workspace')];
      for (const rel of hashTree(path.join(ws, 'k8s'), () => false).keys()) {
        if (PROTECTED.test(rel)) {
          problems.push(`protected name left in /k8s: ${rel}`);
        }
      }
      if (canaryHits > 0) {
        problems.push(`the forbidden listener saw ${canaryHits} connection(s)`);
      }
      return problems;
    },
    async close() {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) {
          delete process.env[k];
        } else {
          process.env[k] = v;
        }
      }
      await new Promise<void>((r) => canaryServer.close(() => r()));
      await new Promise<void>((r) => allowedServer.close(() => r()));
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Reset /k8s to its starting content between attacks (what an attack left there is gone). */
export function resetK8s(lab: Lab): void {
  const dir = path.join(lab.ws, 'k8s');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  a: b\n');
}

/** A folder of links to every program on PATH but `name` (a machine without it, for one child). */
export function pathWithout(name: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aurora-no-${name}-`));
  for (const folder of (process.env.PATH ?? '').split(':').filter((d) => d !== '')) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const n of names) {
      if (n !== name && !fs.existsSync(path.join(dir, n))) {
        fs.symlinkSync(path.join(folder, n), path.join(dir, n));
      }
    }
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
