import { normalizeHost } from '../hosts';
import { resolveInWorkspace } from '../paths';
import { CONFIG_FILE_ENV, addHost, configFile, deny, expandPwd, hostArg, inContainerCommand, resolveAll } from '../session';
import type { Session } from '../session';
import { has, lit, optionSet, parseOptions, values } from '../words';
import type { Word } from '../words';
import type { HandlerTable, Invocation } from './types';

/**
 * docker, podman and nerdctl (and `docker compose`, `docker buildx`): the daemon they talk to
 * (`-H`), registries of pulled and pushed images, privileged or host-namespace containers, bind
 * mounts of host paths outside the workspace, commands run inside containers (their destinations
 * count, their paths are the container's), and prunes and removals that delete data.
 */

const DOCKER_OPTS = optionSet('-H --host --config -c --context -l --log-level --tlscacert --tlscert --tlskey');
const RUN_OPTS = optionSet('-e --env --env-file -v --volume --mount -p --publish --name -w --workdir --network --net --entrypoint -u --user -l --label --label-file --platform -m --memory --memory-swap --memory-reservation --cpus --cpu-shares -c --cpuset-cpus --restart -h --hostname --add-host --dns --dns-search --dns-option --device --cap-add --cap-drop --security-opt --ulimit --tmpfs --shm-size --gpus --ipc --pid --userns --uts --cidfile --health-cmd --health-interval --health-retries --health-timeout --health-start-period --log-driver --log-opt --pull --runtime --stop-signal --stop-timeout --link --expose --group-add --mac-address --ip --ip6 --network-alias --volumes-from --isolation --cgroupns --cgroup-parent --blkio-weight --kernel-memory --oom-score-adj --pids-limit --storage-opt --sysctl --attach -a --detach-keys --annotation --domainname --volume-driver --device-cgroup-rule --cpu-period --cpu-quota --cpu-rt-period --cpu-rt-runtime --cpuset-mems --memory-swappiness');
const PULL_OPTS = optionSet('--platform');
const EXEC_OPTS = optionSet('-e --env --env-file -u --user -w --workdir --detach-keys');
const LOGIN_OPTS = optionSet('-u --username -p --password');

export function docker(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, DOCKER_OPTS, true);
  for (const c of values(p, '--config')) {
    configFile(s, 'docker --config', c, CONFIG_FILE_ENV.DOCKER_CONFIG);
  }
  for (const h of values(p, '-H', '--host')) {
    if (/^ssh:\/\//.test(h.value)) {
      deny(s, 'docker -H ssh://… runs commands on a server over SSH; deploy through the pipeline instead');
    } else if (/^(unix|npipe|fd):\/\//.test(h.value)) {
      // local daemon
    } else {
      hostArg(s, h, 'docker -H');
    }
  }
  let sub: string | undefined = p.positionals[0]?.value;
  let rest = p.rest;
  if (sub === 'container' || sub === 'image' || sub === 'buildx' || sub === 'compose' || sub === 'system' || sub === 'volume' || sub === 'network') {
    const group = sub;
    const inner = rest[0]?.value;
    if (group === 'system' && inner === 'prune') {
      s.facts.destructive.add('docker system prune deletes containers, images and volumes');
    }
    if (group === 'volume' && (inner === 'rm' || inner === 'prune')) {
      s.facts.destructive.add('docker volume rm/prune deletes data');
    }
    if (group === 'image' && inner === 'prune' && rest.some((w) => w.value === '-a' || w.value === '--all')) {
      s.facts.destructive.add('docker image prune -a deletes every unused image');
    }
    if (group === 'compose') {
      const down = rest.findIndex((w) => w.value === 'down');
      if (down >= 0 && rest.slice(down).some((w) => w.value === '-v' || w.value === '--volumes')) {
        s.facts.destructive.add('docker compose down --volumes deletes volumes');
      }
      return;
    }
    if (group === 'buildx') {
      if (inner === 'build' && rest.some((w) => w.value === '--push')) {
        imageTags(s, rest);
      }
      return;
    }
    sub = inner === 'create' || inner === 'run' || inner === 'pull' || inner === 'push' ? inner : group === 'container' ? inner : undefined;
    rest = rest.slice(1);
  }
  switch (sub) {
    case 'pull':
    case 'push': {
      const q = parseOptions(rest, PULL_OPTS);
      const image = q.positionals[0];
      if (image) {
        imageHost(s, image, true, `docker ${sub}`);
      }
      return;
    }
    case 'login':
    case 'logout': {
      const q = parseOptions(rest, LOGIN_OPTS);
      const server = q.positionals[0];
      if (server) {
        hostArg(s, server, `docker ${sub}`);
      } else {
        addHost(s, normalizeHost('docker.io'), `docker ${sub} (Docker Hub)`);
      }
      return;
    }
    case 'run':
    case 'create': {
      const q = parseOptions(rest, RUN_OPTS, true);
      if (has(q, '--privileged')) {
        deny(s, `docker ${sub} --privileged gives the container full control of the host`);
      }
      for (const o of q.opts) {
        if ((o.name === '--pid' || o.name === '--network' || o.name === '--net' || o.name === '--ipc' || o.name === '--userns' || o.name === '--uts') && o.value?.value === 'host') {
          deny(s, `docker ${sub} ${o.name}=host shares the host's namespaces with the container`);
        }
      }
      for (const v of values(q, '-v', '--volume')) {
        bindMount(s, v, v.value.split(':')[0], sub);
      }
      for (const m of values(q, '--mount')) {
        const src = /(?:^|,)(?:source|src)=([^,]+)/.exec(m.value);
        if (src && /(?:^|,)type=bind/.test(m.value)) {
          bindMount(s, m, src[1], sub);
        }
      }
      const image = q.positionals[0];
      if (image) {
        imageHost(s, image, false, `docker ${sub}`);
        inContainerCommand(s, q.rest);
      }
      return;
    }
    case 'build':
      if (rest.some((w) => w.value === '--push')) {
        imageTags(s, rest);
      }
      return;
    case 'rm':
      if (rest.some((w) => /^-[a-z]*f/.test(w.value) || w.value === '--force')) {
        s.facts.destructive.add('docker rm -f stops and deletes containers');
      }
      return;
    case 'exec': {
      const q = parseOptions(rest, EXEC_OPTS, true);
      inContainerCommand(s, q.rest);
      return;
    }
    default:
      return;
  }
}

function bindMount(s: Session, word: Word, source: string, sub: string): void {
  const w = expandPwd(s, { ...word, value: source });
  source = w.value;
  if (w.dynamic) {
    deny(s, `docker ${sub} mounts a host path computed at run time (${w.raw})`);
    return;
  }
  if (!source.startsWith('/') && !source.startsWith('.') && !source.startsWith('~') && !/^[A-Za-z]:/.test(source)) {
    return; // a named volume
  }
  const r = resolveAll(s, lit(source));
  if (r.problem) {
    deny(s, `docker ${sub} mounts ${r.problem}`);
    return;
  }
  for (const abs of r.abs) {
    const res = resolveInWorkspace(abs, s.ctx);
    if (!res.ok) {
      deny(s, `docker ${sub} mounts the host path ${source}, outside the workspace, into the container`);
    }
  }
}

/** Tags of `docker build --push -t registry/x:1`. */
function imageTags(s: Session, args: readonly Word[]): void {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if ((v === '-t' || v === '--tag') && args[i + 1]) {
      imageHost(s, args[i + 1], true, 'docker build --push');
    } else if (v.startsWith('--tag=')) {
      imageHost(s, lit(v.slice(6)), true, 'docker build --push');
    }
  }
}

/** The registry of an image reference; Docker Hub is implicit for pull/push only. */
function imageHost(s: Session, image: Word, implicitHub: boolean, what: string): void {
  if (image.dynamic) {
    if (/^[^/$]*[.:][^/$]*\//.test(image.value)) {
      addHost(s, normalizeHost(image.value.split('/')[0]), what);
    } else {
      deny(s, `${what}: the image (${image.raw}) is computed at run time, so its registry cannot be checked`);
    }
    return;
  }
  const first = image.value.split('/')[0];
  if (image.value.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    addHost(s, normalizeHost(first), `${what} ${image.value}`);
  } else if (implicitHub) {
    addHost(s, normalizeHost('docker.io'), `${what} ${image.value} (Docker Hub)`);
  }
}

export const DOCKER: HandlerTable = { docker, podman: docker, nerdctl: docker };
