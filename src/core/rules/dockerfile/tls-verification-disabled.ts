import type { PropertyInstruction } from 'dockerfile-ast';
import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import type { Range } from '../../types';
import { NPM_VALUE_FLAGS, PIP_VALUE_FLAGS, findFlag, positionals, runShells, scriptCommands, wordRange } from './common';
import { shellEffects } from '../../shell';

/** The message for a switch that turns certificate verification off. */
export function message(what: string): string {
  return `${what} turns TLS certificate verification off: anyone on the network path can substitute what the build downloads. Install the CA certificate instead (COPY it and run update-ca-certificates)`;
}

/** Environment variables that disable verification, and when their value does. */
const ENV_SWITCHES: readonly { name: RegExp; disables: (value: string) => boolean; label: string }[] = [
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, disables: (v) => v.trim() === '0', label: 'NODE_TLS_REJECT_UNAUTHORIZED=0' },
  { name: /^PYTHONHTTPSVERIFY$/, disables: (v) => v.trim() === '0', label: 'PYTHONHTTPSVERIFY=0' },
  { name: /^GIT_SSL_NO_VERIFY$/, disables: (v) => v.trim() !== '' && !/^(0|false|no)$/i.test(v.trim()), label: 'GIT_SSL_NO_VERIFY' },
  { name: /^NPM_CONFIG_STRICT_SSL$/i, disables: (v) => /^(false|0|no)$/i.test(v.trim()), label: 'NPM_CONFIG_STRICT_SSL=false' },
  { name: /^PIP_TRUSTED_HOST$/, disables: (v) => v.trim() !== '', label: 'PIP_TRUSTED_HOST' },
  { name: /^YARN_STRICT_SSL$/i, disables: (v) => /^(false|0|no)$/i.test(v.trim()), label: 'YARN_STRICT_SSL=false' },
];

function envSwitch(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value.includes('$')) {
    return undefined;
  }
  return ENV_SWITCHES.find((s) => s.name.test(name) && s.disables(value))?.label;
}

const FALSE = /^(false|0|no|off)$/i;

/** Certificate verification must stay on for downloads in the build. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/tls-verification-disabled',
  meta: {
    title: 'TLS certificate verification disabled',
    description: 'curl -k, wget --no-check-certificate, pip --trusted-host, npm strict-ssl=false, git http.sslVerify=false and the NODE_TLS_REJECT_UNAUTHORIZED / PYTHONHTTPSVERIFY variables accept any certificate, so downloads can be tampered with.',
    severity: 'error',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'checkov', id: 'CKV2_DOCKER_2' },
      { tool: 'checkov', id: 'CKV2_DOCKER_3' },
      { tool: 'checkov', id: 'CKV2_DOCKER_4' },
      { tool: 'checkov', id: 'CKV2_DOCKER_5' },
      { tool: 'checkov', id: 'CKV2_DOCKER_6' },
      { tool: 'checkov', id: 'CKV2_DOCKER_12' },
      { tool: 'checkov', id: 'CKV2_DOCKER_13' },
      { tool: 'checkov', id: 'CKV2_DOCKER_14' },
      { tool: 'checkov', id: 'CKV2_DOCKER_16' },
    ],
  },
  check(ctx) {
    const report = (range: Range, what: string): void => ctx.report({ range, message: message(what) });
    for (const instruction of ctx.model.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') {
        continue;
      }
      for (const property of (instruction as PropertyInstruction).getProperties()) {
        const label = envSwitch(property.getName(), property.getValue() ?? undefined);
        if (label) {
          report(property.getRange(), `${keyword} ${label}`);
        }
      }
    }
    for (const { shell } of runShells(ctx.model)) {
      const range = (w: { start: number; end: number }): Range => wordRange(ctx.model, shell, w);
      for (const assignment of shell.script.assignments) {
        const label = envSwitch(assignment.name, assignment.value?.dynamic ? undefined : (assignment.value?.value ?? ''));
        if (label && assignment.value) {
          report(range(assignment.value), label);
        }
      }
      // assignments in front of a command and given to `env` (the model collects both, also inside `sh -c '…'`)
      const seen = new Set<number>();
      for (const run of shellEffects(shell.script).commands) {
        for (const assignment of run.assignments) {
          const label = envSwitch(assignment.name, assignment.value?.dynamic ? undefined : (assignment.value?.value ?? ''));
          if (label && assignment.value && !seen.has(assignment.value.start)) {
            seen.add(assignment.value.start);
            report(range(assignment.value), label);
          }
        }
      }
      for (const cmd of scriptCommands(shell.script)) {
        switch (cmd.name) {
          case 'curl': {
            const flag = findFlag(cmd.args, '-k', '--insecure', '--proxy-insecure');
            if (flag) {
              report(range(flag), `curl ${flag.value}`);
            }
            break;
          }
          case 'wget': {
            const flag = findFlag(cmd.args, '--no-check-certificate');
            if (flag) {
              report(range(flag), 'wget --no-check-certificate');
            }
            break;
          }
          case 'pip': {
            const flag = findFlag(cmd.args, '--trusted-host');
            if (flag) {
              report(range(flag), 'pip --trusted-host');
            }
            const pos = positionals(cmd.args, PIP_VALUE_FLAGS).map((p) => p.word);
            if (pos[0]?.value === 'config' && pos[1]?.value === 'set' && /(^|\.)trusted-host$/.test(pos[2]?.value ?? '')) {
              report(range(pos[2]), 'pip config set trusted-host');
            }
            break;
          }
          case 'npm':
          case 'yarn':
          case 'pnpm': {
            const flag = findFlag(cmd.args, '--no-strict-ssl') ?? cmd.args.find((a) => a.value === '--strict-ssl=false');
            if (flag) {
              report(range(flag), `${cmd.name} ${flag.value}`);
            }
            const pos = positionals(cmd.args, NPM_VALUE_FLAGS).map((p) => p.word);
            const rest = pos[0]?.value === 'config' || pos[0]?.value === 'c' ? pos.slice(1) : pos;
            if (rest[0]?.value === 'set' && rest[1]) {
              const [key, inlineValue] = rest[1].value.includes('=') ? rest[1].value.split('=', 2) : [rest[1].value, rest[2]?.value ?? ''];
              if (/^strict-ssl$/i.test(key) && FALSE.test(inlineValue)) {
                report(range(rest[1]), `${cmd.name} config strict-ssl=false`);
              }
            }
            break;
          }
          case 'git': {
            for (let i = 0; i < cmd.args.length; i++) {
              const a = cmd.args[i];
              // git -c http.sslVerify=false …
              if (a.value === '-c' && cmd.args[i + 1]) {
                const [key, value] = cmd.args[i + 1].value.split('=', 2);
                if (/^http\.(.+\.)?sslverify$/i.test(key) && FALSE.test(value ?? '')) {
                  report(range(cmd.args[i + 1]), 'git -c http.sslVerify=false');
                }
              }
            }
            const pos = positionals(cmd.args, ['-c', '-C', '--file', '-f', '--git-dir', '--work-tree', '--type']).map((p) => p.word);
            if (pos[0]?.value === 'config' && pos[1] && /^http\.(.+\.)?sslverify$/i.test(pos[1].value) && FALSE.test(pos[2]?.value ?? '')) {
              report(range(pos[1]), 'git config http.sslVerify false');
            }
            break;
          }
          default:
            break;
        }
      }
    }
  },
};
