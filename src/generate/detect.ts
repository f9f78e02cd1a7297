import type { CiProvider, GenerateOptions, ProjectInput } from './types';
import { GenerateError } from './types';
import { atOrAbove, DEFAULT_GO, DEFAULT_JAVA, DEFAULT_NODE_MAJOR, DEFAULT_PYTHON, GO_IMAGES, JAVA_IMAGES, NODE_IMAGES, PYTHON_IMAGES } from './versions';

/** A database the application clearly talks to (its driver is a dependency). */
export type Database = 'postgres' | 'mysql';

/** What every stack knows, whatever the language. */
interface StackBase {
  /** Application name: a DNS label, used for images, services, Kubernetes objects. */
  name: string;
  /** Application version, used as the image tag of local and manifest images. */
  version: string;
  port: number;
  /** Numeric user the final image runs as (Kubernetes checks runAsNonRoot against it). */
  uid: number;
  /** HTTP path the health checks and probes call. */
  healthPath: string;
  /** HTTP path Prometheus scrapes. */
  metricsPath: string;
  database?: Database;
}

/** A Node.js project. */
export interface NodeStack extends StackBase {
  language: 'node';
  packageManager: 'npm' | 'pnpm' | 'yarn' | 'yarn-berry';
  /** Lockfile name, when present (installs are then reproducible). */
  lockfile?: string;
  nodeMajor: number;
  image: string;
  /** package.json scripts that CI and the image run. */
  scripts: { build?: string; lint?: string; test?: string; start?: string };
  /** Exec-form command of the container. */
  command: string[];
}

/** How a Python project declares its dependencies. */
export type PythonTool = 'pip' | 'poetry' | 'uv' | 'pyproject';

/** A Python project. */
export interface PythonStack extends StackBase {
  language: 'python';
  tool: PythonTool;
  pythonVersion: string;
  image: string;
  framework?: 'django' | 'fastapi' | 'flask';
  /** Lower-case names of the declared dependencies. */
  dependencies: string[];
  /** A server package the image installs because the project lacks it (pinned `name==version`). */
  extraServer?: string;
  /** The command is a console script of the project itself, so the image installs the project. */
  installProject: boolean;
  command: string[];
}

/** A Go module. */
export interface GoStack extends StackBase {
  language: 'go';
  goVersion: string;
  image: string;
  /** Package path of the main package, `.` or `./cmd/x`. */
  mainPackage: string;
  hasGoSum: boolean;
}

/** A Java project built by Maven or Gradle. */
export interface JavaStack extends StackBase {
  language: 'java';
  build: 'maven' | 'gradle';
  /** The project ships the build tool's wrapper (mvnw / gradlew). */
  wrapper: boolean;
  /** The Gradle build script name (build.gradle or build.gradle.kts). */
  gradleFile?: string;
  javaVersion: number;
  images: { jdk: string; jre: string; maven: string; gradle: string };
  springBoot: boolean;
  /**
   * Name of the distribution Gradle's `application` plugin installs (build/install/<name>), for
   * builds that are not Spring Boot: a plain `jar` lacks the dependencies `java -jar` needs.
   */
  gradleDistribution?: string;
}

/** No known manifest: only name, port and defaults (enough for manifests and Terraform). */
export interface GenericStack extends StackBase {
  language: 'generic';
}

/** What detection found. */
export type Stack = NodeStack | PythonStack | GoStack | JavaStack | GenericStack;

const SERVER_PINS = { gunicorn: 'gunicorn==23.0.0', uvicorn: 'uvicorn==0.34.0' } as const;

/** Lower-case a name into a DNS-1123 label (Kubernetes object names, image names). */
export function toDnsLabel(raw: string): string {
  const label = raw
    .toLowerCase()
    .replace(/^@[^/]+\//, '')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
  return label || 'app';
}

function has(input: ProjectInput, path: string): boolean {
  return Object.prototype.hasOwnProperty.call(input.files, path);
}

function file(input: ProjectInput, path: string): string | undefined {
  return has(input, path) ? input.files[path] : undefined;
}

function parseJsonObject(text: string | undefined, path: string): Record<string, unknown> {
  if (text === undefined) {
    return {};
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // reported below
  }
  throw new GenerateError(`${path} is not a JSON object; fix it so the project can be detected`);
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'string') {
        out[k] = v;
      }
    }
  }
  return out;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A version usable as an image tag (`1.4.2`), or undefined. */
function tagVersion(raw: string | undefined): string | undefined {
  if (!raw) {
    return undefined;
  }
  const v = raw.trim().replace(/^v/, '');
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(v) && v.toLowerCase() !== 'latest' ? v : undefined;
}

/** The first major version a semver range allows (`>=20`, `^18.17`, `20.x`, `v22`). */
export function minMajor(range: string | undefined): number | undefined {
  if (!range) {
    return undefined;
  }
  const m = /(\d+)/.exec(range);
  return m ? Number(m[1]) : undefined;
}

/** Port from a start script (`PORT=8080 node x`, `--port 8080`, `-p 8080`) or an env example. */
function portFrom(text: string | undefined): number | undefined {
  if (!text) {
    return undefined;
  }
  const m = /(?:^|[\s;])PORT\s*=\s*["']?(\d{2,5})\b/m.exec(text) ?? /(?:--port[=\s]+|\s-p\s+)(\d{2,5})\b/.exec(text);
  if (!m) {
    return undefined;
  }
  const port = Number(m[1]);
  return port > 0 && port < 65536 ? port : undefined;
}

/** Split a simple command line; undefined when it uses shell syntax an exec-form CMD cannot keep. */
function simpleWords(command: string): string[] | undefined {
  if (/[|&;<>$`"'\\()*?]/.test(command)) {
    return undefined;
  }
  const words = command.trim().split(/\s+/).filter(Boolean);
  while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
    words.shift();
  }
  return words.length > 0 ? words : undefined;
}

function detectNode(input: ProjectInput): NodeStack {
  const pkg = parseJsonObject(file(input, 'package.json'), 'package.json');
  const scripts = stringRecord(pkg.scripts);
  const deps = { ...stringRecord(pkg.devDependencies), ...stringRecord(pkg.dependencies) };
  const runtimeDeps = stringRecord(pkg.dependencies);
  const packageManagerField = str(pkg.packageManager) ?? '';
  let packageManager: NodeStack['packageManager'] = 'npm';
  let lockfile: string | undefined;
  if (has(input, 'pnpm-lock.yaml') || packageManagerField.startsWith('pnpm@')) {
    packageManager = 'pnpm';
    lockfile = has(input, 'pnpm-lock.yaml') ? 'pnpm-lock.yaml' : undefined;
  } else if (has(input, 'yarn.lock') || packageManagerField.startsWith('yarn@')) {
    const berry = has(input, '.yarnrc.yml') || /^yarn@([2-9]|\d{2,})/.test(packageManagerField);
    packageManager = berry ? 'yarn-berry' : 'yarn';
    lockfile = has(input, 'yarn.lock') ? 'yarn.lock' : undefined;
  } else if (has(input, 'package-lock.json')) {
    lockfile = 'package-lock.json';
  } else if (has(input, 'npm-shrinkwrap.json')) {
    lockfile = 'npm-shrinkwrap.json';
  }
  const engines = stringRecord(pkg.engines);
  const nvmrc = (file(input, '.nvmrc') ?? file(input, '.node-version'))?.trim();
  const wanted = minMajor(engines.node) ?? minMajor(nvmrc);
  const nodeMajor = atOrAbove(NODE_IMAGES, wanted, DEFAULT_NODE_MAJOR);
  const start = scripts.start;
  let command: string[] | undefined;
  const words = start ? simpleWords(start) : undefined;
  if (words && words[0] === 'node') {
    command = words;
  } else if (words && runtimeDeps[words[0]] !== undefined) {
    // a CLI from a dependency (`next start`): run its bin directly so signals reach it
    command = [`node_modules/.bin/${words[0]}`, ...words.slice(1)];
  }
  if (!command) {
    const main = str(pkg.main);
    command = ['node', main ?? 'index.js'];
  }
  const envExample = file(input, '.env.example') ?? file(input, '.env.sample');
  const port = portFrom(start) ?? portFrom(envExample) ?? 3000;
  const names = Object.keys(deps);
  let database: Database | undefined;
  if (names.some((n) => ['pg', 'postgres', 'pg-promise', '@neondatabase/serverless'].includes(n))) {
    database = 'postgres';
  } else if (names.some((n) => ['mysql', 'mysql2'].includes(n))) {
    database = 'mysql';
  }
  return {
    language: 'node',
    name: toDnsLabel(str(pkg.name) ?? input.dirName ?? 'app'),
    version: tagVersion(str(pkg.version)) ?? '0.1.0',
    port,
    uid: 1000,
    healthPath: '/healthz',
    metricsPath: '/metrics',
    database,
    packageManager,
    lockfile,
    nodeMajor,
    image: NODE_IMAGES[nodeMajor],
    scripts: { build: scripts.build, lint: scripts.lint, test: scripts.test, start },
    command,
  };
}

/** Body of a TOML table (`[tool.poetry]`) up to the next table header, or undefined. */
export function tomlTable(text: string, table: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const header = `[${table}]`;
  const start = lines.findIndex((l) => l.trim() === header);
  if (start < 0) {
    return undefined;
  }
  const body: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    if (/^\s*\[/.test(lines[i])) {
      break;
    }
    body.push(lines[i]);
  }
  return body.join('\n');
}

/** A string value of a TOML key in a table body (`name = "x"`). */
function tomlString(body: string | undefined, key: string): string | undefined {
  if (!body) {
    return undefined;
  }
  const m = new RegExp(`^\\s*${key.replace(/[.-]/g, '\\$&')}\\s*=\\s*["']([^"']*)["']`, 'm').exec(body);
  return m ? m[1] : undefined;
}

/** The strings of a TOML array value (`dependencies = ["a>=1", "b"]`), multi-line allowed. */
function tomlArray(body: string | undefined, key: string): string[] {
  if (!body) {
    return [];
  }
  const m = new RegExp(`^\\s*${key}\\s*=\\s*\\[([\\s\\S]*?)\\]`, 'm').exec(body);
  if (!m) {
    return [];
  }
  return [...m[1].matchAll(/["']([^"']+)["']/g)].map((x) => x[1]);
}

/** Keys of a TOML table body (`fastapi = "^0.110"` → fastapi). */
function tomlKeys(body: string | undefined): string[] {
  if (!body) {
    return [];
  }
  return [...body.matchAll(/^\s*([A-Za-z0-9_.-]+)\s*=/gm)].map((m) => m[1]);
}

/** Distribution name of a requirement (`Django[argon2]>=4.2 ; python_version>"3"` → django). */
function requirementName(req: string): string | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req);
  return m ? m[1].toLowerCase().replace(/_/g, '-') : undefined;
}

function pythonMinor(raw: string | undefined): string | undefined {
  if (!raw) {
    return undefined;
  }
  const m = /3\.(\d+)/.exec(raw);
  return m ? `3.${m[1]}` : undefined;
}

function pickPython(wanted: string | undefined): string {
  if (!wanted) {
    return DEFAULT_PYTHON;
  }
  const minor = Number(wanted.split('.')[1]);
  const keys = Object.keys(PYTHON_IMAGES).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
  return keys.find((k) => Number(k.split('.')[1]) >= minor) ?? keys[keys.length - 1];
}

/** `module:attribute` of the WSGI/ASGI application, guessed from the files present. */
function appModule(input: ProjectInput, framework: PythonStack['framework']): string {
  if (framework === 'django') {
    const manage = file(input, 'manage.py') ?? '';
    const m = /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([A-Za-z0-9_.]+)\.settings["']/.exec(manage);
    return `${m ? m[1] : 'config'}.wsgi:application`;
  }
  for (const candidate of ['main.py', 'app.py', 'wsgi.py', 'asgi.py', 'app/main.py', 'src/main.py', 'app/__init__.py']) {
    const text = file(input, candidate);
    if (text === undefined) {
      continue;
    }
    const module = candidate.replace(/\/__init__\.py$/, '').replace(/\.py$/, '').replace(/\//g, '.');
    if (framework === 'flask' && /def\s+create_app\s*\(/.test(text) && !/^app\s*=/m.test(text)) {
      return `${module}:create_app()`;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:FastAPI|Flask|Starlette)\s*\(/m.exec(text);
    return `${module}:${m ? m[1] : 'app'}`;
  }
  return framework === 'fastapi' ? 'main:app' : 'app:app';
}

function detectPython(input: ProjectInput): PythonStack {
  const pyproject = file(input, 'pyproject.toml');
  const project = pyproject ? tomlTable(pyproject, 'project') : undefined;
  const poetry = pyproject ? tomlTable(pyproject, 'tool.poetry') : undefined;
  let tool: PythonTool;
  if (has(input, 'uv.lock') || (pyproject !== undefined && tomlTable(pyproject, 'tool.uv') !== undefined)) {
    tool = 'uv';
  } else if (has(input, 'poetry.lock') || poetry !== undefined) {
    tool = 'poetry';
  } else if (has(input, 'requirements.txt')) {
    tool = 'pip';
  } else {
    tool = 'pyproject';
  }
  const dependencies = new Set<string>();
  for (const line of (file(input, 'requirements.txt') ?? '').split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed && !trimmed.startsWith('#') && !trimmed.startsWith('-')) {
      const name = requirementName(trimmed);
      if (name) {
        dependencies.add(name);
      }
    }
  }
  for (const req of tomlArray(project, 'dependencies')) {
    const name = requirementName(req);
    if (name) {
      dependencies.add(name);
    }
  }
  const poetryDeps = pyproject ? tomlTable(pyproject, 'tool.poetry.dependencies') : undefined;
  for (const key of tomlKeys(poetryDeps)) {
    if (key.toLowerCase() !== 'python') {
      dependencies.add(key.toLowerCase().replace(/_/g, '-'));
    }
  }
  const deps = [...dependencies].sort();
  const hasDep = (...names: string[]): boolean => names.some((n) => dependencies.has(n));
  const framework: PythonStack['framework'] = hasDep('django') ? 'django' : hasDep('fastapi') ? 'fastapi' : hasDep('flask') ? 'flask' : undefined;
  const wanted =
    pythonMinor(file(input, '.python-version')) ??
    pythonMinor(file(input, 'runtime.txt')) ??
    pythonMinor(tomlString(project, 'requires-python')) ??
    pythonMinor(tomlString(poetryDeps, 'python'));
  const pythonVersion = pickPython(wanted);
  const port = 8000;
  let extraServer: string | undefined;
  let installProject = false;
  let command: string[];
  const bind = `0.0.0.0:${port}`;
  if (framework === 'fastapi') {
    const module = appModule(input, framework);
    if (hasDep('gunicorn')) {
      command = ['gunicorn', '--bind', bind, '--worker-class', 'uvicorn.workers.UvicornWorker', module];
    } else {
      if (!hasDep('uvicorn') && !dependencies.has('fastapi[standard]')) {
        extraServer = SERVER_PINS.uvicorn;
      }
      command = ['uvicorn', module, '--host', '0.0.0.0', '--port', String(port)];
    }
  } else if (framework) {
    if (!hasDep('gunicorn')) {
      extraServer = SERVER_PINS.gunicorn;
    }
    command = ['gunicorn', '--bind', bind, appModule(input, framework)];
  } else {
    const scripts = tomlKeys(project ? tomlTable(pyproject ?? '', 'project.scripts') : undefined);
    if (scripts.length > 0) {
      command = [scripts[0]];
      installProject = true;
    } else if (has(input, 'main.py')) {
      command = ['python', 'main.py'];
    } else if (has(input, 'app.py')) {
      command = ['python', 'app.py'];
    } else {
      command = ['python', '-m', (tomlString(project, 'name') ?? tomlString(poetry, 'name') ?? 'app').replace(/-/g, '_')];
    }
  }
  let database: Database | undefined;
  if (hasDep('psycopg', 'psycopg2', 'psycopg2-binary', 'psycopg-binary', 'asyncpg', 'pg8000')) {
    database = 'postgres';
  } else if (hasDep('mysqlclient', 'pymysql', 'mysql-connector-python', 'aiomysql', 'asyncmy')) {
    database = 'mysql';
  }
  return {
    language: 'python',
    name: toDnsLabel(tomlString(project, 'name') ?? tomlString(poetry, 'name') ?? input.dirName ?? 'app'),
    version: tagVersion(tomlString(project, 'version') ?? tomlString(poetry, 'version')) ?? '0.1.0',
    port,
    uid: 10001,
    healthPath: '/healthz',
    metricsPath: '/metrics',
    database,
    tool,
    pythonVersion,
    image: PYTHON_IMAGES[pythonVersion],
    framework,
    dependencies: deps,
    extraServer,
    installProject,
    command,
  };
}

function goMinor(raw: string | undefined): string | undefined {
  if (!raw) {
    return undefined;
  }
  const m = /(\d+)\.(\d+)/.exec(raw);
  return m ? `${m[1]}.${m[2]}` : undefined;
}

function detectGo(input: ProjectInput): GoStack {
  const gomod = file(input, 'go.mod') ?? '';
  const module = /^module\s+(\S+)/m.exec(gomod)?.[1];
  const goLine = goMinor(/^go\s+(\S+)/m.exec(gomod)?.[1]);
  const toolchain = goMinor(/^toolchain\s+go(\S+)/m.exec(gomod)?.[1]);
  const minorOf = (v: string): number => Number(v.split('.')[1]);
  const wanted = [goLine, toolchain].filter((v): v is string => v !== undefined).sort((a, b) => minorOf(b) - minorOf(a))[0];
  const keys = Object.keys(GO_IMAGES).sort((a, b) => minorOf(a) - minorOf(b));
  const goVersion = wanted ? (keys.find((k) => minorOf(k) >= minorOf(wanted)) ?? keys[keys.length - 1]) : DEFAULT_GO;
  const base = module ? module.replace(/\/v\d+$/, '').split('/').pop() : undefined;
  let mainPackage = '.';
  if (!has(input, 'main.go')) {
    const cmds = Object.keys(input.files)
      .map((p) => /^cmd\/([^/]+)\/main\.go$/.exec(p)?.[1])
      .filter((x): x is string => x !== undefined)
      .sort();
    if (cmds.length > 0) {
      mainPackage = `./cmd/${cmds.find((c) => c === base) ?? cmds[0]}`;
    }
  }
  let database: Database | undefined;
  if (/github\.com\/(lib\/pq|jackc\/pgx)/.test(gomod)) {
    database = 'postgres';
  } else if (/github\.com\/go-sql-driver\/mysql/.test(gomod)) {
    database = 'mysql';
  }
  return {
    language: 'go',
    name: toDnsLabel(base ?? input.dirName ?? 'app'),
    version: '0.1.0',
    port: portFrom(file(input, '.env.example')) ?? 8080,
    uid: 65532,
    healthPath: '/healthz',
    metricsPath: '/metrics',
    database,
    goVersion,
    image: GO_IMAGES[goVersion],
    mainPackage,
    hasGoSum: has(input, 'go.sum'),
  };
}

/** Remove the `<parent>`, `<dependencies>`, `<build>`, `<profiles>` blocks so top-level tags can be read. */
function pomTopLevel(pom: string): string {
  return pom.replace(/<!--[\s\S]*?-->/g, '').replace(/<(parent|dependencies|dependencyManagement|build|profiles|plugins|modules)>[\s\S]*?<\/\1>/g, '');
}

function xmlTag(text: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag.replace(/\./g, '\\.')}>\\s*([^<]+?)\\s*</${tag.replace(/\./g, '\\.')}>`).exec(text);
  return m ? m[1] : undefined;
}

function javaRelease(raw: string | undefined): number | undefined {
  if (!raw) {
    return undefined;
  }
  const m = /^(?:1\.)?(\d+)/.exec(raw.trim());
  return m ? Number(m[1]) : undefined;
}

function detectJava(input: ProjectInput): JavaStack {
  const pom = file(input, 'pom.xml');
  const gradleFile = has(input, 'build.gradle.kts') ? 'build.gradle.kts' : has(input, 'build.gradle') ? 'build.gradle' : undefined;
  const buildText = pom ?? (gradleFile ? file(input, gradleFile) : undefined) ?? '';
  let name: string | undefined;
  let version: string | undefined;
  let wanted: number | undefined;
  if (pom !== undefined) {
    const top = pomTopLevel(pom);
    name = xmlTag(top, 'artifactId');
    version = xmlTag(top, 'version');
    wanted =
      javaRelease(xmlTag(pom, 'java.version')) ??
      javaRelease(xmlTag(pom, 'maven.compiler.release')) ??
      javaRelease(xmlTag(pom, 'release')) ??
      javaRelease(xmlTag(pom, 'maven.compiler.target')) ??
      javaRelease(xmlTag(pom, 'maven.compiler.source'));
  } else {
    const settings = file(input, 'settings.gradle.kts') ?? file(input, 'settings.gradle') ?? '';
    name = /rootProject\.name\s*=\s*["']([^"']+)["']/.exec(settings)?.[1];
    version = /^version\s*=\s*["']([^"']+)["']/m.exec(buildText)?.[1];
    wanted =
      javaRelease(/JavaLanguageVersion\.of\(\s*(\d+)\s*\)/.exec(buildText)?.[1]) ??
      javaRelease(/JavaVersion\.VERSION_(?:1_)?(\d+)/.exec(buildText)?.[1]) ??
      javaRelease(/(?:source|target)Compatibility\s*=\s*["']?(\d+(?:\.\d+)?)/.exec(buildText)?.[1]) ??
      javaRelease(/jvmToolchain\(\s*(\d+)\s*\)/.exec(buildText)?.[1]);
  }
  const javaVersion = atOrAbove(JAVA_IMAGES, wanted, DEFAULT_JAVA);
  const springBoot = /spring-boot|org\.springframework\.boot/.test(buildText);
  const actuator = /spring-boot-starter-actuator/.test(buildText);
  const prometheus = /micrometer-registry-prometheus/.test(buildText);
  const props = file(input, 'src/main/resources/application.properties') ?? '';
  const yml = file(input, 'src/main/resources/application.yml') ?? file(input, 'src/main/resources/application.yaml') ?? '';
  const portText = /^server\.port\s*[=:]\s*(\d{2,5})\s*$/m.exec(props)?.[1] ?? /^server:\s*\n\s+port:\s*(\d{2,5})\s*$/m.exec(yml)?.[1];
  let database: Database | undefined;
  if (/org\.postgresql|<artifactId>postgresql<\/artifactId>|:postgresql:/.test(buildText)) {
    database = 'postgres';
  } else if (/mysql-connector/.test(buildText)) {
    database = 'mysql';
  }
  return {
    language: 'java',
    name: toDnsLabel(name ?? input.dirName ?? 'app'),
    version: tagVersion(version) ?? '0.1.0',
    port: portText ? Number(portText) : 8080,
    uid: 10001,
    healthPath: actuator ? '/actuator/health' : '/healthz',
    metricsPath: actuator && prometheus ? '/actuator/prometheus' : '/metrics',
    database,
    build: pom !== undefined ? 'maven' : 'gradle',
    gradleDistribution:
      pom === undefined && !springBoot && /(^|[\s{])(application\b(?!\s*\{)|id\s*\(?\s*["']application["']|apply\s+plugin:\s*["']application["'])/m.test(buildText) ? (name ?? input.dirName ?? 'app') : undefined,
    wrapper: pom !== undefined ? has(input, 'mvnw') : has(input, 'gradlew'),
    gradleFile,
    javaVersion,
    images: JAVA_IMAGES[javaVersion],
    springBoot,
  };
}

/**
 * Detect the stack of a project from its manifests, then apply the user's overrides (name, port).
 * Order when several manifests exist: Node, Python, Go, Java (a Node front-end next to a Python
 * API is rarer than the reverse, but either way `--dir` can point at the service's folder).
 */
export function detectStack(input: ProjectInput, options: GenerateOptions = {}): Stack {
  let stack: Stack;
  if (has(input, 'package.json')) {
    stack = detectNode(input);
  } else if (has(input, 'requirements.txt') || has(input, 'pyproject.toml')) {
    stack = detectPython(input);
  } else if (has(input, 'go.mod')) {
    stack = detectGo(input);
  } else if (has(input, 'pom.xml') || has(input, 'build.gradle') || has(input, 'build.gradle.kts')) {
    stack = detectJava(input);
  } else {
    stack = { language: 'generic', name: toDnsLabel(input.dirName ?? 'app'), version: '0.1.0', port: 8080, uid: 10001, healthPath: '/healthz', metricsPath: '/metrics' };
  }
  if (options.name !== undefined) {
    stack.name = toDnsLabel(options.name);
  }
  if (options.port !== undefined) {
    if (stack.language === 'python') {
      stack.command = stack.command.map((w) => w.replace(`0.0.0.0:${stack.port}`, `0.0.0.0:${options.port}`).replace(new RegExp(`^${stack.port}$`), String(options.port)));
    }
    stack.port = options.port;
  }
  return stack;
}

/** The detected stack, or an error naming the manifests we look for. */
export function requireStack(input: ProjectInput, options: GenerateOptions, what: string): Exclude<Stack, GenericStack> {
  const stack = detectStack(input, options);
  if (stack.language === 'generic') {
    throw new GenerateError(
      `cannot generate ${what}: no package.json, requirements.txt, pyproject.toml, go.mod, pom.xml or build.gradle found (use --dir to point at the project)`,
    );
  }
  return stack;
}

/** Where the code is hosted, from an existing CI file or the git remote; undefined when unknown. */
export function detectCiProvider(input: ProjectInput): CiProvider | undefined {
  const paths = Object.keys(input.files);
  if (paths.some((p) => p === '.gitlab-ci.yml' || p === '.gitlab-ci.yaml')) {
    return 'gitlab';
  }
  if (paths.some((p) => p === '.github' || p.startsWith('.github/'))) {
    return 'github';
  }
  const git = file(input, '.git/config') ?? '';
  if (/url\s*=\s*\S*gitlab/i.test(git)) {
    return 'gitlab';
  }
  if (/url\s*=\s*\S*github\.com/i.test(git)) {
    return 'github';
  }
  return undefined;
}

/** `owner/repo` of the git remote `origin` when it points at GitHub or GitLab. */
export function remoteRepository(input: ProjectInput): { host: 'github' | 'gitlab'; path: string } | undefined {
  const git = file(input, '.git/config') ?? '';
  const m = /url\s*=\s*(?:https?:\/\/|ssh:\/\/)?(?:[^@\s/]+@)?(github\.com|gitlab\.com)[:/]([A-Za-z0-9_.\-/]+?)(?:\.git)?\s*$/m.exec(git);
  if (!m) {
    return undefined;
  }
  return { host: m[1] === 'github.com' ? 'github' : 'gitlab', path: m[2].toLowerCase() };
}
