import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { generate, GenerateError, TARGETS } from '../../generate';
import type { GeneratedFile, GenerateOptions, Target } from '../../generate';
import { readProject } from '../../generate/node';
import { errorText } from '../../node/walk';
import type { Command } from '../io';
import { UsageError, writeOut } from '../io';

/** Text printed for generated files: one file as is, several each under a `# --- path ---` line. */
export function formatGenerated(files: readonly GeneratedFile[]): string {
  if (files.length === 1) {
    return files[0].text;
  }
  return files.map((f) => `# --- ${f.path} ---\n${f.text}`).join('\n');
}

function parsePort(raw: string | undefined): number | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new UsageError(`--port must be a number from 1 to 65535 (got '${raw}')`);
  }
  return port;
}

/** `aurora-devops generate`: write starter infrastructure files for a project. */
export const generateCommand: Command = {
  name: 'generate',
  summary: 'Generate a Dockerfile, compose.yaml, CI pipeline, Kubernetes manifests or Terraform for a project',
  usage:
    'aurora-devops generate dockerfile|compose|pipeline|k8s|terraform [--dir D] [--provider github|gitlab|aws|gcp] [--name NAME] [--image IMAGE] [--port N] [--hpa] [--pdb] [--write] [--force]',
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dir: { type: 'string', default: '.' },
        provider: { type: 'string' },
        name: { type: 'string' },
        image: { type: 'string' },
        port: { type: 'string' },
        hpa: { type: 'boolean', default: false },
        pdb: { type: 'boolean', default: false },
        write: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1 || !(TARGETS as readonly string[]).includes(positionals[0])) {
      throw new UsageError(`generate needs one of ${TARGETS.join(', ')}${positionals.length > 0 ? ` (got '${positionals.join(' ')}')` : ''}`);
    }
    const target = positionals[0] as Target;
    const dir = values.dir as string;
    let isDir = false;
    try {
      isDir = fs.statSync(dir).isDirectory();
    } catch (e) {
      throw new UsageError(`--dir ${dir}: ${errorText(e)}`);
    }
    if (!isDir) {
      throw new UsageError(`--dir ${dir}: not a directory`);
    }
    if (values.name !== undefined && !/[A-Za-z0-9]/.test(values.name)) {
      throw new UsageError(`--name must contain letters or digits (got '${values.name}')`);
    }
    const options: GenerateOptions = {
      name: values.name,
      image: values.image,
      port: parsePort(values.port),
      provider: values.provider as GenerateOptions['provider'],
      hpa: values.hpa,
      pdb: values.pdb,
    };
    if (options.provider !== undefined && target !== 'pipeline' && target !== 'terraform') {
      throw new UsageError('--provider applies to generate pipeline (github, gitlab) and terraform (aws, gcp) only');
    }
    if ((options.hpa || options.pdb) && target !== 'k8s') {
      throw new UsageError('--hpa and --pdb apply to generate k8s only');
    }
    let files: GeneratedFile[];
    try {
      files = generate(target, readProject(dir), options);
    } catch (e) {
      if (e instanceof GenerateError) {
        throw new UsageError(e.message);
      }
      throw e;
    }
    if (!values.write) {
      await writeOut(formatGenerated(files));
      return 0;
    }
    // check every file before writing any, so a refusal leaves the folder untouched
    if (!values.force) {
      for (const f of files) {
        const full = path.join(dir, f.path);
        if (fs.existsSync(full)) {
          throw new UsageError(`${full} already exists; not overwriting it (use --force to replace it)`);
        }
      }
    }
    for (const f of files) {
      const full = path.join(dir, f.path);
      try {
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, f.text);
      } catch (e) {
        throw new UsageError(`${full}: ${errorText(e)}`);
      }
    }
    await writeOut(files.map((f) => `wrote ${path.join(dir, f.path).split(path.sep).join('/')}\n`).join(''));
    return 0;
  },
};
