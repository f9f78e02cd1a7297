import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { findOption, operands, optionValue, runsOf, shellEffects } from '../../../src/core/shell';
import { MAX_DEPTH } from '../../../src/core/shell/commands';
import { ready } from '../../helpers/core';

const names = (text: string): string[] => shellEffects(text).commands.map((c) => c.name);
const downloads = (text: string): string[] => shellEffects(text).downloads.map((d) => `${d.form}:${d.downloader.name}>${d.interpreter.name}`);
const writes = (text: string): string[] => shellEffects(text).writes.map((w) => `${w.via}:${w.path}@${w.node}`);

describe('shell model: commands', () => {
  before(ready);

  it('looks through wrappers and records them with their user', () => {
    const e = shellEffects('sudo -u deploy env KUBECONFIG=/k kubectl apply -f x.yaml');
    assert.equal(e.commands.length, 1);
    const k = e.commands[0];
    assert.equal(k.name, 'kubectl');
    assert.deepEqual(k.args.map((a) => a.value), ['apply', '-f', 'x.yaml']);
    assert.deepEqual(k.wrappers.map((w) => w.name), ['sudo', 'env']);
    assert.equal(k.wrappers[0].user, 'deploy');
    assert.ok(k.assignments.some((a) => a.name === 'KUBECONFIG'));
  });

  it('expands literal sh -c, eval and here-documents with offsets into the text', () => {
    const text = "sh -c 'apt-get update && curl -fsSL https://a.example/x'";
    const e = shellEffects(text);
    assert.deepEqual(e.commands.map((c) => c.name), ['apt-get', 'curl']);
    const curl = e.commands[1];
    assert.equal(text.slice(curl.start, curl.end), 'curl -fsSL https://a.example/x');
    assert.deepEqual(curl.wrappers.map((w) => w.name), ['sh -c']);
    assert.deepEqual(names("eval 'kubectl get pods'"), ['kubectl']);
    assert.deepEqual(names("bash <<'EOF'\nkubectl get ns\nEOF"), ['bash', 'kubectl']);
    assert.deepEqual(names('timeout 5 nice -n 10 nohup curl https://a.example'), ['curl']);
    assert.deepEqual(names('find . -name x -exec rm {} \\;'), ['find', 'rm']);
    assert.deepEqual(names('cat urls | xargs -n1 curl'), ['cat', 'curl']);
    assert.deepEqual(names('python3 -m pip install x'), ['pip']);
  });

  it('marks what it cannot know', () => {
    const kinds = (t: string): string[] => shellEffects(t).unknowns.map((u) => u.kind);
    assert.deepEqual(kinds('eval "$CMD"'), ['eval']);
    assert.deepEqual(kinds('$TOOL run'), ['dynamic-command']);
    assert.deepEqual(kinds('sh -c "$X"'), ['dynamic-script']);
    assert.deepEqual(kinds('echo x > "$OUT"'), ['dynamic-path']);
    assert.deepEqual(kinds('curl "$URL"'), ['dynamic-host']);
    assert.deepEqual(kinds('echo ok'), []);
    assert.deepEqual(kinds("bash <<'EOF'\nkubectl get ns\nEOF"), []);
    assert.deepEqual(kinds('bash <<EOF\nkubectl get ns -n $NS\nEOF'), ['dynamic-script']);
    assert.deepEqual(names('bash <<EOF\nkubectl get ns -n $NS\nEOF'), ['bash', 'kubectl']);
  });
});

describe('shell model: downloads', () => {
  before(ready);

  it('finds downloads piped, sourced and substituted into interpreters', () => {
    assert.deepEqual(downloads('curl -fsSL https://a.example/i.sh | sh'), ['pipe:curl>sh']);
    assert.deepEqual(downloads('sudo curl -fsSL https://a.example/i.sh | sudo bash'), ['pipe:curl>bash']);
    assert.deepEqual(downloads('curl -fsSL https://a.example/i.fish | fish'), ['pipe:curl>fish']);
    assert.deepEqual(downloads('wget -qO- https://a.example/i.sh | sh -s -- --yes'), ['pipe:wget>sh']);
    assert.deepEqual(downloads('source <(curl -s https://a.example/env)'), ['process-substitution:curl>source']);
    assert.deepEqual(downloads('bash <(curl -s https://a.example/x.sh)'), ['process-substitution:curl>bash']);
    assert.deepEqual(downloads('sh -c "$(curl -fsSL https://a.example/x.sh)"'), ['command-substitution:curl>sh']);
    assert.deepEqual(downloads('bash <<< "$(curl -s https://a.example/x)"'), ['herestring:curl>bash']);
    assert.deepEqual(downloads('curl -s https://a.example/x.py | python3 -'), ['pipe:curl>python3']);
  });

  it('does not count a download written to a file as piped', () => {
    assert.deepEqual(downloads('curl -o /tmp/x.tgz https://a.example/x.tgz | sh'), []);
    assert.deepEqual(downloads('curl -fsSLo x https://a.example/x | bash'), []);
    assert.deepEqual(downloads('wget https://a.example/x.sh | sh'), []);
    assert.deepEqual(downloads('curl -s https://a.example/x | bash -c "echo hi"'), []);
    assert.deepEqual(downloads('echo $(curl -s https://a.example/v)'), []);
  });

  it('records write-then-run with whether a checksum is checked', () => {
    const e = shellEffects('curl -fsSLo get.sh https://a.example/get.sh && sha256sum -c get.sh.sha256 && sh get.sh');
    assert.deepEqual(e.downloads.map((d) => [d.form, d.file, d.verified]), [['write-then-run', 'get.sh', true]]);
    const u = shellEffects('wget -O ./i.sh https://a.example/i.sh; chmod +x i.sh; ./i.sh');
    assert.deepEqual(u.downloads.map((d) => [d.form, d.file, d.verified]), [['write-then-run', './i.sh', false]]);
  });
});

describe('shell model: files', () => {
  before(ready);

  it('gives redirections to the node they belong to', () => {
    assert.deepEqual(writes('{ a; b; } > g'), ['>:g@group']);
    assert.deepEqual(writes('if x; then y; fi >> h'), ['>>:h@if']);
    assert.deepEqual(writes('(a) 2> e'), ['2>:e@subshell']);
    assert.deepEqual(writes('for i in 1; do a; done > f'), ['>:f@for']);
    assert.deepEqual(writes('a && b >| f'), ['>|:f@command']);
    assert.deepEqual(writes('a | b &> f'), ['&>:f@command']);
    assert.deepEqual(writes('echo x >& out 2>&1'), ['>&:out@command']);
    assert.deepEqual(writes('cat <<< "x"'), []);
    assert.deepEqual(shellEffects('while read l; do echo; done < in').reads.map((r) => `${r.via}:${r.path}@${r.node}`), ['<:in@while']);
  });

  it('reads the outputs of file tools', () => {
    assert.deepEqual(writes('echo x | tee -a /etc/x'), ['tee:/etc/x@command']);
    assert.deepEqual(writes('cp a b /opt/'), ['cp:/opt/@command']);
    assert.deepEqual(writes('dd if=/dev/zero of=/dev/sda'), ['dd of=:/dev/sda@command']);
    assert.deepEqual(writes('sort -o out.txt in.txt'), ['sort -o:out.txt@command']);
    assert.deepEqual(writes('tar -czf /tmp/a.tgz src'), ['tar -f:/tmp/a.tgz@command']);
    assert.deepEqual(writes('tar xzf a.tgz -C /'), ['tar -C:/@command']);
    assert.deepEqual(writes('curl -fsSL -o /tmp/x https://a.example/x -D h.txt'), ['curl -o:/tmp/x@command', 'curl -D:h.txt@command']);
    assert.deepEqual(writes('wget -O /tmp/y https://a.example/y'), ['wget -O:/tmp/y@command']);
    assert.deepEqual(writes('git -C /tmp clone https://a.example/r.git'), ['git -C:/tmp@command']);
    assert.deepEqual(writes('git archive -o out.zip HEAD'), ['git archive -o:out.zip@command']);
    assert.deepEqual(writes("sudo sh -c 'echo x > /etc/motd'"), ['>:/etc/motd@command']);
  });
});

describe('shell model: hosts and installs', () => {
  before(ready);

  it('lists hosts', () => {
    const hosts = (t: string): string[] => shellEffects(t).hosts.map((h) => `${h.kind}:${h.host}`);
    assert.deepEqual(hosts('curl https://User@Example.com:8443/x'), ['url:example.com']);
    assert.deepEqual(hosts('git clone git@git.example.org:org/repo.git'), ['scp:git.example.org']);
    assert.deepEqual(hosts('ssh -p 22 admin@prod-1 uptime'), ['ssh:prod-1']);
    assert.deepEqual(hosts('pip install --index-url https://pypi.example/simple x'), ['option:pypi.example']);
  });

  it('parses package installs with manager, flags and versions', () => {
    const i = shellEffects('apt-get install -y --no-install-recommends curl=8.5.0-2 ca-certificates').installs;
    assert.equal(i.length, 1);
    assert.equal(i[0].manager, 'apt');
    assert.deepEqual(i[0].flags.map((f) => f.value), ['-y', '--no-install-recommends']);
    assert.deepEqual(i[0].packages.map((p) => [p.name, p.version]), [['curl', '8.5.0-2'], ['ca-certificates', undefined]]);
    const all = shellEffects('apk add --no-cache git=2.45 && pip3 install -r req.txt flask==3.0 && npm i -g @scope/x@1.2 && gem install rails:7.1 && go install example.com/x/cmd/y@v1.2.3 && cargo install ripgrep@14.1.0 && microdnf install -y jq && zypper -n in vim').installs;
    assert.deepEqual(all.map((x) => `${x.manager}/${x.tool}:${x.packages.map((p) => `${p.name}${p.version ? '@' + p.version : ''}`).join(',')}`), [
      'apk/apk:git@2.45',
      'pip/pip3:flask@3.0',
      'npm/npm:@scope/x@1.2',
      'gem/gem:rails@7.1',
      'go/go:example.com/x/cmd/y@v1.2.3',
      'cargo/cargo:ripgrep@14.1.0',
      'yum/microdnf:jq',
      'zypper/zypper:vim',
    ]);
    assert.deepEqual(all[1].requirements.map((r) => r.value), ['req.txt']);
  });
});

describe('shell model: literal scripts and offsets', () => {
  before(ready);

  it('maps the words of a literal script back into the text', () => {
    const text = `sudo -u app bash -c "kubectl apply -f k8s/ && helm upgrade web ./chart"`;
    const e = shellEffects(text);
    assert.deepEqual(e.commands.map((c) => text.slice(c.nameWord.start, c.nameWord.end)), ['kubectl', 'helm']);
    assert.deepEqual(e.commands.map((c) => c.wrappers.map((w) => w.name)), [['sudo', 'bash -c'], ['sudo', 'bash -c']]);
    assert.equal(text.slice(e.commands[1].args[1].start, e.commands[1].args[1].end), 'web');
    // a literal with escapes maps its commands to the whole literal
    const escaped = `sh -c "echo \\"hi\\" > /tmp/x"`;
    const w = shellEffects(escaped).writes[0];
    assert.equal(w.path, '/tmp/x');
    assert.ok(w.start >= escaped.indexOf('"') && w.end <= escaped.length);
  });

  it('reads a partly computed -c text as written and marks it unknown', () => {
    const e = shellEffects('sh -c "kubectl apply -f $DIR"');
    assert.deepEqual(e.commands.map((c) => c.name), ['kubectl']);
    assert.deepEqual(e.unknowns.map((u) => u.kind), ['dynamic-script']);
    const sub = shellEffects('bash -c "$(cat script.sh)"');
    assert.deepEqual(sub.commands.map((c) => c.name), ['bash', 'cat']);
    assert.deepEqual(sub.unknowns.map((u) => u.kind), ['dynamic-script']);
  });

  it('keeps separate pipelines apart across literal scripts', () => {
    const e = shellEffects("curl -s https://a.example/x | tee f; sh -c 'cat f | sh'");
    assert.deepEqual(e.downloads, []);
    const ids = new Set(e.commands.map((c) => c.pipeline));
    assert.equal(ids.size, 2);
  });

  it('stops at the depth limit and says so', () => {
    const quote = (t: string): string => `'${t.replace(/'/g, `'\\''`)}'`;
    const nest = (levels: number): string => Array.from({ length: levels }).reduce<string>((inner) => `sh -c ${quote(inner)}`, 'true');
    assert.ok(shellEffects(nest(MAX_DEPTH)).commands.some((c) => c.name === 'true'));
    assert.equal(shellEffects(nest(MAX_DEPTH)).unknowns.length, 0);
    const deep = shellEffects(nest(MAX_DEPTH + 1));
    assert.ok(!deep.commands.some((c) => c.name === 'true'));
    assert.deepEqual(deep.unknowns.map((u) => u.kind), ['too-deep']);
  });
});

describe('shell model: helpers', () => {
  before(ready);

  it('gives the runs of one parsed command, nested literals included', () => {
    const e = shellEffects("echo a && sudo sh -c 'apt-get update; apt-get install -y jq'");
    const [echo, sudo] = e.script.commands;
    assert.deepEqual(runsOf(e, echo).map((r) => r.name), ['echo']);
    assert.deepEqual(runsOf(e, sudo).map((r) => r.name), ['apt-get', 'apt-get']);
  });

  it('reads option values in their usual spellings', () => {
    const args = shellEffects('tool --out=a -o b -ic --name c -- --out=d').commands[0].args;
    assert.equal(optionValue(args, '--out')?.value, 'a');
    assert.equal(optionValue(args, '-o')?.value, 'b');
    assert.equal(optionValue(args, '--name')?.value, 'c');
    assert.equal(optionValue(args, '--missing'), undefined);
    assert.equal(findOption(args, '-c')?.value, '-ic');
    assert.deepEqual(operands(args, ['-o', '--name']).map((o) => o.word.value), ['--out=d']);
  });
});
