import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { ready } from '../../../helpers/core';
import { TextIndex } from '../../../../src/core/text';
import { execFormArgs, parseDockerfile } from '../../../../src/core/parsers/dockerfile';
import type { DockerfileModel } from '../../../../src/core/parsers/dockerfile';
import { runCommands, scriptCommands } from '../../../../src/core/rules/dockerfile/common';

function parse(text: string): DockerfileModel {
  return parseDockerfile(text, new TextIndex(text));
}

function instructionAt(model: DockerfileModel, line: number) {
  const found = model.instructions.find((i) => i.getRange().start.line === line - 1);
  assert.ok(found, `no instruction on line ${line}`);
  return found;
}

describe('Dockerfile model', () => {
  before(ready);

  it('links stages built on earlier stages and knows the final image', () => {
    const model = parse('FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20 AS base\nUSER app\nFROM base\nCOPY --from=build /a /a\n');
    const [build, base, final] = model.stages;
    assert.equal(final.parent, base);
    assert.equal(model.finalStage, final);
    assert.deepEqual(model.stageChain(final), [final, base]);
    assert.ok(model.inFinalImage(base));
    assert.ok(!model.inFinalImage(build));
    assert.equal(model.stageOf(instructionAt(model, 4)), base);
  });

  it('tracks SHELL through stage chains and stops at non-POSIX shells', () => {
    const model = parse('FROM debian:12 AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nFROM a\nRUN c | d\nFROM debian:12\nSHELL ["pwsh", "-c"]\nRUN Get-Item x\n');
    assert.deepEqual(model.shellAt(instructionAt(model, 5)), ['/bin/bash', '-o', 'pipefail', '-c']);
    assert.equal(model.shellAt(instructionAt(model, 2)), undefined);
    assert.ok(model.isPosixShell(instructionAt(model, 5)));
    assert.ok(!model.isPosixShell(instructionAt(model, 8)));
    assert.equal(model.shellOf(instructionAt(model, 8)), undefined);
  });

  it('does not parse Windows images or backtick-escaped files as POSIX shell', () => {
    const windows = parse('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\\n');
    assert.equal(windows.shellOf(instructionAt(windows, 2)), undefined);
    const backtick = parse('# escape=`\nFROM debian:12\nRUN echo a `\n    b\n');
    assert.equal(backtick.escapeChar, '`');
    assert.equal(backtick.shellOf(instructionAt(backtick, 3)), undefined);
  });

  it('parses RUN heredoc scripts with offsets in the Dockerfile, but not other languages', () => {
    const text = 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nRUN <<EOF\n#!/usr/bin/env python3\nprint("hi")\nEOF\n';
    const model = parse(text);
    const shell = model.shellOf(instructionAt(model, 2));
    assert.ok(shell);
    const install = shell.script.commands[1];
    assert.equal(install.name, 'apt-get');
    assert.equal(text.slice(shell.base + install.start, shell.base + install.end), 'apt-get install -y curl');
    assert.equal(model.shellOf(instructionAt(model, 6)), undefined);
  });

  it('keeps offsets when RUN flags are blanked out', () => {
    const text = 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl\n';
    const model = parse(text);
    const shell = model.shellOf(instructionAt(model, 2));
    assert.ok(shell);
    const cmd = shell.script.commands[0];
    assert.equal(text.slice(shell.base + cmd.start, shell.base + cmd.end), 'apt-get install -y curl');
  });

  it('reads exec-form arguments, also over continuation lines', () => {
    const model = parse('FROM debian:12\nCMD ["node", \\\n     "server.js"]\nCMD node server.js\n');
    assert.deepEqual(execFormArgs(instructionAt(model, 2)), ['node', 'server.js']);
    assert.equal(execFormArgs(instructionAt(model, 4)), undefined);
  });

  it('looks through sudo, env and python -m when naming commands', () => {
    const model = parse('FROM debian:12\nRUN sudo -u root env DEBIAN_FRONTEND=noninteractive apt-get install -y curl && python3 -m pip install flask==3.0.3 && /usr/bin/pip3.12 list\n');
    assert.deepEqual(
      runCommands(model).map((c) => c.cmd.name),
      ['apt-get', 'pip', 'pip'],
    );
    const sudoDynamic = parse('FROM debian:12\nRUN sudo "$CMD"\n');
    const shell = sudoDynamic.shellOf(instructionAt(sudoDynamic, 2));
    assert.ok(shell);
    assert.deepEqual(scriptCommands(shell.script), []);
  });
});
