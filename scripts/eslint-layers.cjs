// @ts-check
// Local ESLint rules that keep the layout of docs/ARCHITECTURE.md true:
//   aurora/layers     a module imports only from its own layer or the layers below it
//   aurora/no-cycles  no runtime import cycle between modules of src/
// Type-only imports are erased at compile time, so they count for neither.
// CommonJS so that both eslint.config.mjs and a bundled unit test can load it.
const { existsSync, readFileSync, statSync } = require('node:fs');
const { dirname, join, relative, resolve, sep } = require('node:path');
const ts = require('typescript');

/**
 * The layers of src/, bottom first; a module may import from layers of a lower rank or its own.
 * Two layers of the same rank (cli and vscode; agent and node) may not import each other.
 */
const LAYERS = {
  shared: 0,
  core: 1,
  webview: 1,
  node: 2,
  agent: 2,
  generate: 3,
  cli: 4,
  vscode: 4,
  'extension.ts': 5,
};

/** The layers as a reader sees them: `shared < core, webview < …`. */
const ORDER = [...new Set(Object.values(LAYERS))]
  .sort((a, b) => a - b)
  .map((rank) => Object.keys(LAYERS).filter((k) => LAYERS[k] === rank).join(', '))
  .join(' < ');

/** The layer of a file under `srcDir`, or undefined outside src/. */
function layerOf(srcDir, file) {
  const rel = relative(srcDir, file);
  if (rel.startsWith('..') || rel === '') {
    return undefined;
  }
  const top = rel.split(sep)[0];
  return top in LAYERS ? top : undefined;
}

function srcDirOf(file) {
  let dir = dirname(file);
  while (dir !== dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      return join(dir, 'src');
    }
    dir = dirname(dir);
  }
  return undefined;
}

/** The .ts file a relative specifier names, or undefined (packages, missing files). */
function resolveImport(from, spec) {
  if (!spec.startsWith('.')) {
    return undefined;
  }
  const base = resolve(dirname(from), spec);
  for (const candidate of [base + '.ts', join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && candidate.endsWith('.ts')) {
      return candidate;
    }
  }
  return undefined;
}

/** The runtime (not type-only) relative imports and re-exports of a module's text. */
function runtimeImports(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out = [];
  for (const st of source.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (!clause.name && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) {
        out.push(st.moduleSpecifier.text);
      }
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && !st.isTypeOnly) {
      out.push(st.moduleSpecifier.text);
    }
  }
  return out;
}

/** The strongly connected components of src/'s runtime import graph that hold a cycle, by file. */
const cycleCache = new Map();

function cyclesOf(srcDir) {
  const cached = cycleCache.get(srcDir);
  if (cached) {
    return cached;
  }
  const edges = new Map();
  const visit = (file) => {
    if (edges.has(file)) {
      return;
    }
    const targets = runtimeImports(file, readFileSync(file, 'utf8'))
      .map((spec) => resolveImport(file, spec))
      .filter((t) => t !== undefined && t.startsWith(srcDir + sep));
    edges.set(file, targets);
    for (const t of targets) {
      visit(t);
    }
  };
  const walk = (dir) => {
    for (const name of ts.sys.readDirectory(dir, ['.ts'])) {
      if (!name.endsWith('.d.ts')) {
        visit(resolve(name));
      }
    }
  };
  walk(srcDir);
  // Tarjan's algorithm, iterative enough for a few hundred modules
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const component = new Map();
  const strong = (v) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v) === index.get(v)) {
      const members = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        members.push(w);
      } while (w !== v);
      const selfLoop = (edges.get(v) ?? []).includes(v);
      if (members.length > 1 || selfLoop) {
        const set = new Set(members);
        for (const m of members) {
          component.set(m, set);
        }
      }
    }
  };
  for (const v of edges.keys()) {
    if (!index.has(v)) {
      strong(v);
    }
  }
  cycleCache.set(srcDir, component);
  return component;
}

/** The import declarations and re-exports of a file, with whether they are type-only. */
function* importNodes(program) {
  for (const node of program.body) {
    if (node.type === 'ImportDeclaration') {
      const typeOnly = node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type'));
      yield { node, spec: String(node.source.value), typeOnly };
    } else if ((node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && node.source) {
      yield { node, spec: String(node.source.value), typeOnly: node.exportKind === 'type' };
    }
  }
}

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: { type: 'problem', docs: { description: 'Modules import only from their own layer or the layers below it (docs/ARCHITECTURE.md).' }, schema: [] },
  create(context) {
    const file = context.filename;
    const srcDir = srcDirOf(file);
    const mine = srcDir ? layerOf(srcDir, file) : undefined;
    if (!srcDir || !mine) {
      return {};
    }
    return {
      Program(program) {
        for (const { node, spec } of importNodes(program)) {
          const target = resolveImport(file, spec);
          const theirs = target ? layerOf(srcDir, target) : undefined;
          if (!theirs || theirs === mine) {
            continue;
          }
          // types count too: a layer that names an upper layer's types depends on it
          const allowed = LAYERS[theirs] < LAYERS[mine] && (mine !== 'webview' || theirs === 'shared');
          if (!allowed) {
            context.report({ node, message: `src/${mine} may not import from src/${theirs}: layers import only downward (${ORDER}, see docs/ARCHITECTURE.md).` });
          }
        }
      },
    };
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const noCycles = {
  meta: { type: 'problem', docs: { description: 'No runtime import cycle between the modules of src/.' }, schema: [] },
  create(context) {
    const file = context.filename;
    const srcDir = srcDirOf(file);
    if (!srcDir || !file.startsWith(srcDir + sep)) {
      return {};
    }
    return {
      Program(program) {
        const cycle = cyclesOf(srcDir).get(file);
        if (!cycle) {
          return;
        }
        for (const { node, spec, typeOnly } of importNodes(program)) {
          const target = resolveImport(file, spec);
          if (!typeOnly && target && cycle.has(target)) {
            const others = [...cycle].map((m) => relative(dirname(srcDir), m)).sort();
            context.report({ node, message: `Import cycle: ${relative(dirname(srcDir), target)} imports this module back (cycle of ${others.join(', ')}). Hand the value over instead of importing it.` });
          }
        }
      },
    };
  },
};

module.exports = { rules: { layers, 'no-cycles': noCycles } };
