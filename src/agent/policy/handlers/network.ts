import { normalizeHost, scpLikeHost } from '../hosts';
import { addHost, deny, downloaded, hostArg, readTarget, writeTarget } from '../session';
import type { Session } from '../session';
import { has, lit, optionSet, parseOptions, values } from '../words';
import type { HandlerTable, Invocation, PatternHandler } from './types';
import { embeddedCommand } from './interpreters';

/**
 * Network clients: curl and wget (destinations, proxies, resolver overrides, files uploaded, files
 * saved — remembered so that running one later is download-and-execute), rsync, openssl s_client,
 * socat, host tools (ping, dig, nc…), and SSH-like clients (refused: immutable infrastructure).
 */

const CURL_OPTS = optionSet('-o --output -H --header -d --data --data-raw --data-binary --data-ascii --data-urlencode -X --request -u --user -A --user-agent -e --referer -x --proxy --preproxy -U --proxy-user -T --upload-file -F --form --form-string -b --cookie -c --cookie-jar -K --config -w --write-out -m --max-time --connect-timeout --retry --retry-delay --retry-max-time --cacert --capath --cert -E --key --key-type --cert-type --ciphers --resolve --connect-to --interface -r --range -y --speed-time -Y --speed-limit -z --time-cond -C --continue-at --limit-rate --output-dir --url --unix-socket --abstract-unix-socket --socks4 --socks4a --socks5 --socks5-hostname --noproxy --max-filesize --max-redirs --dns-servers --local-port --trace --trace-ascii --stderr -D --dump-header --oauth2-bearer --aws-sigv4 --json --variable --expand-url --proto --proto-redir --retry-all-errors-x --hostpubmd5 --pubkey --tls-max --mail-from --mail-rcpt --url-query');
const WGET_OPTS = optionSet('-O --output-document -o --output-file -a --append-output -P --directory-prefix -e --execute -i --input-file -B --base -U --user-agent --header --post-data --post-file --body-data --body-file --method -t --tries -T --timeout -w --wait --user --password --http-user --http-password --ca-certificate --certificate --private-key --load-cookies --save-cookies -l --level -A --accept -R --reject -D --domains --exclude-domains -Q --quota --limit-rate --bind-address --referer');
const RSYNC_OPTS = optionSet('-e --rsh --rsync-path --exclude --include --exclude-from --include-from --files-from --filter -f --chmod --chown --backup-dir --suffix --partial-dir --temp-dir -T --compare-dest --copy-dest --link-dest --log-file --bwlimit --timeout --contimeout --port --password-file --max-size --min-size --info --debug --out-format --iconv --usermap --groupmap');
const HOST_TOOL_OPTS = optionSet('-c -i -w -W -t -s -p -q -I -m -b -x -X -e -l -o -T -f -k -y -M -O -V -h -P -S -g -z -F -n -N -a');

/** Clients that log into or copy to servers by hand. */
export const SSH_LIKE = new Set(['ssh', 'scp', 'sftp', 'slogin', 'mosh', 'ssh-copy-id', 'autossh', 'sshpass', 'pssh', 'parallel-ssh', 'dbclient']);
/** Tools whose operands are host names. */
export const HOST_ARG_TOOLS = new Set(['ping', 'ping6', 'traceroute', 'traceroute6', 'tracepath', 'mtr', 'nslookup', 'host', 'whois', 'nmap', 'telnet', 'nc', 'ncat', 'netcat', 'dig', 'drill', 'hping3', 'arping', 'fping', 'ftp', 'tftp', 'lftp']);

/** The file a remote name (`curl -O`, `wget URL`) saves to. */
function remoteFileName(url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').split(/[?#]/)[0];
  return path.slice(path.lastIndexOf('/') + 1) || 'index.html';
}

export function curl(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, CURL_OPTS);
  let remoteName = false;
  const outputDir = values(p, '--output-dir')[0];
  for (const o of p.opts) {
    const v = o.value;
    switch (o.name) {
      case '-o':
      case '--output':
        if (v && v.value !== '-') {
          writeTarget(s, outputDir && !v.dynamic ? lit(`${outputDir.value}/${v.value}`) : v, `curl ${o.name}`);
          if (!v.dynamic) {
            downloaded(s, v.value);
          }
        }
        break;
      case '-O':
      case '--remote-name':
      case '--remote-name-all':
        remoteName = true;
        break;
      case '-K':
      case '--config':
        deny(s, 'curl --config reads options (and destinations) from a file, which cannot be checked');
        break;
      case '-x':
      case '--proxy':
      case '--preproxy':
      case '--socks4':
      case '--socks4a':
      case '--socks5':
      case '--socks5-hostname':
        if (v) {
          hostArg(s, v, `curl ${o.name}`);
        }
        break;
      case '--resolve':
      case '--connect-to':
        deny(s, `curl ${o.name} overrides where host names resolve, so the real destination cannot be checked`);
        break;
      case '-T':
      case '--upload-file':
        if (v) {
          readTarget(s, v);
        }
        break;
      case '-d':
      case '--data':
      case '--data-binary':
      case '--data-ascii':
      case '--data-urlencode':
      case '-F':
      case '--form':
      case '--json':
        if (v) {
          const m = /(?:^|=)[@<](.+)$/.exec(v.value);
          if (m) {
            // -F 'f=@.env;type=text/plain': the file name ends at the first ';'
            readTarget(s, lit(o.name === '-F' || o.name === '--form' ? m[1].split(';')[0] : m[1]));
          }
        }
        break;
      case '--unix-socket':
      case '--abstract-unix-socket':
        deny(s, `curl ${o.name} talks to a local service through a Unix socket (the Docker daemon's socket controls the whole machine); the policy cannot explain what the request does`);
        break;
      case '--url':
        if (v) {
          hostArg(s, v, 'curl --url');
        }
        break;
      default:
        break;
    }
  }
  for (const pos of p.positionals) {
    hostArg(s, pos, 'curl');
    if (remoteName && !pos.dynamic) {
      const name = remoteFileName(pos.value);
      const file = outputDir ? `${outputDir.value}/${name}` : name;
      writeTarget(s, lit(file), 'curl -O');
      downloaded(s, file);
    }
  }
}

export function wget(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, WGET_OPTS);
  if (has(p, '-e', '--execute', '--config')) {
    deny(s, 'wget --execute/--config runs wgetrc commands (which can set a proxy or other destinations)');
  }
  const input = values(p, '-i', '--input-file')[0];
  if (input) {
    deny(s, `wget --input-file reads the URLs from ${input.value === '-' ? 'standard input' : input.value}, so the destinations cannot be checked`);
  }
  for (const f of values(p, '--post-file', '--body-file')) {
    readTarget(s, f);
  }
  for (const f of values(p, '-o', '--output-file', '-a', '--append-output')) {
    writeTarget(s, f, 'wget log');
  }
  const out = values(p, '-O', '--output-document')[0];
  const prefix = values(p, '-P', '--directory-prefix')[0];
  for (const pos of p.positionals) {
    hostArg(s, pos, 'wget');
  }
  if (out) {
    if (out.value !== '-') {
      writeTarget(s, out, 'wget -O');
      if (!out.dynamic) {
        downloaded(s, out.value);
      }
    }
    return;
  }
  for (const pos of p.positionals) {
    if (pos.dynamic) {
      continue;
    }
    const name = remoteFileName(pos.value);
    const file = prefix ? `${prefix.value}/${name}` : name;
    writeTarget(s, prefix?.dynamic ? prefix : lit(file), 'wget');
    downloaded(s, file);
  }
}

export function rsync(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, RSYNC_OPTS);
  if (has(p, '-e', '--rsh', '--rsync-path')) {
    deny(s, 'rsync --rsh/--rsync-path runs a remote shell program');
  }
  let remote = false;
  for (const w of p.positionals) {
    if (w.value.startsWith('rsync://')) {
      remote = true;
      continue;
    }
    const m = /^(?:[^@/:]+@)?([^:/]+)::/.exec(w.value);
    if (m) {
      remote = true;
      addHost(s, normalizeHost(m[1]), `rsync ${w.value}`);
      continue;
    }
    if (scpLikeHost(w.value)) {
      deny(s, 'rsync to or from host:path copies files onto servers over SSH; Aurora follows immutable infrastructure: build and deploy artifacts instead');
      return;
    }
  }
  if (has(p, '--delete', '--delete-before', '--delete-after', '--delete-during', '--remove-source-files')) {
    s.facts.destructive.add('rsync --delete removes files');
  }
  const dest = p.positionals[p.positionals.length - 1];
  if (dest && p.positionals.length > 1 && !remote) {
    writeTarget(s, dest, 'rsync');
  }
}

/** openssl s_client/s_time connect to -connect's host; other subcommands are local. */
export function openssl(inv: Invocation, s: Session): void {
  const { args } = inv;
  if (args[0] && /^s_(client|time)$/.test(args[0].value)) {
    const dest = args.filter((_, i) => i > 0 && /^-(connect|proxy|host)$/.test(args[i - 1].value));
    if (dest.length === 0) {
      deny(s, `openssl ${args[0].value} without -connect reaches a default host the policy cannot check`);
    }
    for (const w of dest) {
      hostArg(s, w.dynamic ? w : { ...w, value: w.value.replace(/:\d+$/, '') }, `openssl ${args[0].value}`);
    }
  }
  embeddedCommand(inv, s);
}

export function socat(inv: Invocation, s: Session): void {
  for (const a of inv.args.filter((w) => !w.value.startsWith('-'))) {
    const v = a.value;
    if (/^(EXEC|SYSTEM):/i.test(v)) {
      deny(s, 'socat EXEC:/SYSTEM: connects a program to a socket');
      continue;
    }
    if (/^(UNIX|ABSTRACT)(-[A-Z]+)?:/i.test(v) && !/LISTEN|RECV/i.test(v)) {
      deny(s, 'socat UNIX-CONNECT: talks to a local service through a Unix socket (the Docker daemon\'s socket controls the whole machine); the policy cannot explain what it sends');
      continue;
    }
    const m = /^(?:TCP[46]?|UDP[46]?|OPENSSL|SSL|TCP-CONNECT|UDP-SENDTO|SOCKS4A?|PROXY)[:-]([^:,]+)/i.exec(v);
    if (m && !/LISTEN/i.test(v)) {
      hostArg(s, { ...a, value: m[1] }, 'socat');
    }
  }
}

/** ssh, scp, sftp…: refused. */
export function sshLike(inv: Invocation, s: Session): void {
  deny(s, `${inv.base} logs into or copies to servers by hand; Aurora follows immutable infrastructure: change the code (Terraform, manifests, images) and re-apply instead`);
}

/** ping, dig, nc, telnet…: their operands are destinations. */
export function hostTool(inv: Invocation, s: Session): void {
  const { tool } = inv;
  const p = parseOptions(inv.args, HOST_TOOL_OPTS);
  if (tool === 'nc' || tool === 'ncat' || tool === 'netcat') {
    if (has(p, '-l', '--listen')) {
      return;
    }
    if (has(p, '-e', '-c', '--exec', '--sh-exec', '--lua-exec')) {
      deny(s, `${tool} -e/-c connects a shell to the network`);
    }
    if (has(p, '-U', '--unixsock')) {
      deny(s, `${tool} -U talks to a local service through a Unix socket (the Docker daemon's socket controls the whole machine); the policy cannot explain what it sends`);
      return;
    }
    for (const x of values(p, '-x')) {
      hostArg(s, x, `${tool} -x (proxy)`);
    }
  }
  let positionals = p.positionals;
  if (tool === 'dig' || tool === 'drill') {
    positionals = positionals.filter((w) => !/^(A|AAAA|MX|NS|TXT|CNAME|SOA|SRV|PTR|ANY|CAA|DS|DNSKEY|IN|CH|HS)$/i.test(w.value) && !w.value.startsWith('+'));
    for (const w of positionals) {
      hostArg(s, w.value.startsWith('@') ? { ...w, value: w.value.slice(1) } : w, tool);
    }
    return;
  }
  if (tool === 'nc' || tool === 'ncat' || tool === 'netcat' || tool === 'telnet' || tool === 'hping3') {
    if (positionals[0]) {
      hostArg(s, positionals[0], tool);
    }
    return;
  }
  if (tool === 'nslookup') {
    for (const w of positionals.filter((w) => !w.value.startsWith('-')).slice(0, 2)) {
      hostArg(s, w, tool);
    }
    return;
  }
  for (const w of positionals) {
    if (/^\d+$/.test(w.value)) {
      continue;
    }
    hostArg(s, w, tool);
  }
}

export const NETWORK: HandlerTable = { curl, wget, wget2: wget, rsync, openssl, socat };

export const NETWORK_PATTERNS: readonly PatternHandler[] = [
  { what: `SSH-like clients (${[...SSH_LIKE].join(', ')})`, test: (tool) => SSH_LIKE.has(tool), handle: sshLike },
  { what: `tools whose operands are hosts (${[...HOST_ARG_TOOLS].join(', ')})`, test: (tool) => HOST_ARG_TOOLS.has(tool), handle: hostTool },
];
