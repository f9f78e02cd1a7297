import * as fs from 'fs';
import * as path from 'path';
import type { ProjectInput } from './types';

/** Files detection reads in full (small manifests and entry points). */
const READ = [
  'package.json',
  '.nvmrc',
  '.node-version',
  '.yarnrc.yml',
  '.env.example',
  '.env.sample',
  'requirements.txt',
  'pyproject.toml',
  '.python-version',
  'runtime.txt',
  'manage.py',
  'main.py',
  'app.py',
  'wsgi.py',
  'asgi.py',
  'app/main.py',
  'app/__init__.py',
  'src/main.py',
  'go.mod',
  'main.go',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'settings.gradle',
  'settings.gradle.kts',
  'src/main/resources/application.properties',
  'src/main/resources/application.yml',
  'src/main/resources/application.yaml',
  '.git/config',
];

/** Files whose presence matters but whose text does not (lockfiles can be megabytes). */
const PRESENCE = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'poetry.lock',
  'uv.lock',
  'go.sum',
  'mvnw',
  '.mvn/wrapper/maven-wrapper.properties',
  'gradlew',
  '.gitlab-ci.yml',
  '.gitlab-ci.yaml',
  '.github',
];

/** Largest file read in full; bigger ones count as present with their text cut. */
const MAX_BYTES = 256 * 1024;

function readSmall(full: string): string | undefined {
  try {
    const stat = fs.statSync(full);
    if (!stat.isFile()) {
      return undefined;
    }
    const fd = fs.openSync(full, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(stat.size, MAX_BYTES));
      fs.readSync(fd, buffer, 0, buffer.length, 0);
      return buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** Gather the ProjectInput of a folder: the few files detection needs, by relative path. */
export function readProject(dir: string): ProjectInput {
  const files: Record<string, string> = {};
  for (const rel of READ) {
    const text = readSmall(path.join(dir, rel));
    if (text !== undefined) {
      files[rel] = text;
    }
  }
  for (const rel of PRESENCE) {
    if (fs.existsSync(path.join(dir, rel))) {
      files[rel] = '';
    }
  }
  // Go main packages under cmd/<name>/main.go
  try {
    for (const entry of fs.readdirSync(path.join(dir, 'cmd'), { withFileTypes: true })) {
      if (entry.isDirectory() && fs.existsSync(path.join(dir, 'cmd', entry.name, 'main.go'))) {
        files[`cmd/${entry.name}/main.go`] = '';
      }
    }
  } catch {
    // no cmd folder
  }
  return { files, dirName: path.basename(path.resolve(dir)) };
}
