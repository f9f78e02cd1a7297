import type { Policy } from './types';
import { ref } from './types';

/** Host directories whose write access from a container is control of the host. */
const SENSITIVE_DIRS = '/|/etc|/boot|/dev|/proc|/sys|/root|/usr|/lib|/lib64|/bin|/sbin|/var/lib/docker|/var/lib/containerd|/var/lib/kubelet';

/** Debugger ports of common runtimes: Node inspector, JDWP, debugpy, Delve. */
const DEBUG_PORTS = '9229|9230|5005|5678|2345';

/**
 * Compose policies after the CIS Docker Benchmark (section 5, container runtime). Settings that
 * need the images or the daemon (user namespaces, the daemon's default ulimits) are outside what a
 * Compose file shows; settings every service would be told to add (no-new-privileges, pids_limit)
 * are left to teams' own policies: on development stacks and override files they are noise.
 */
export const COMPOSE_POLICIES: readonly Policy[] = [

  {
    id: 'compose/capabilities-not-dropped',
    subject: { kind: 'compose', services: true },
    title: 'Service adds capabilities on top of the defaults',
    description: 'Docker gives every container a set of capabilities (CHOWN, SETUID, NET_RAW, …); a service that adds one evidently manages its capabilities, and should start from none: NET_RAW alone allows spoofing on the container network. (Many official images need the defaults to start, so services that add nothing are not reported.)',
    severity: 'info',
    where: { path: 'cap_add', present: true },
    when: { not: { any: [{ path: 'cap_drop', contains: 'ALL' }, { path: 'cap_drop', contains: 'all' }] } },
    message: "Service '{name}' adds capabilities but keeps Docker's defaults: add cap_drop: [ALL] so it has only those it adds",
    remedy: 'Add `cap_drop: [ALL]` and `cap_add` the few it needs (NET_BIND_SERVICE to bind a port below 1024).',
    references: [ref('cis-docker', '5.3')],
  },

  {
    id: 'compose/sensitive-host-mount',
    subject: { kind: 'compose', services: true },
    title: 'Service mounts a system directory of the host writable',
    description: 'A writable bind mount of /, /etc, /usr, /proc, /sys, /dev, /boot or Docker\'s own state lets the container change the host: add a user, replace a binary, write a kernel setting.',
    severity: 'warning',
    when: { path: 'volumes', matches: `^(?:${SENSITIVE_DIRS})/?:[^:]+(?::(?![^:]*\\bro\\b)[^:]*)?$` },
    message: "Service '{name}' mounts the host directory of '{value}' writable: mount only what it needs, read-only",
    remedy: 'Mount the narrowest path the service needs, with `:ro`; for monitoring agents, the read-only mounts of /proc and /sys they document.',
    references: [ref('cis-docker', '5.5')],
  },
  {
    id: 'compose/shared-mount-propagation',
    subject: { kind: 'compose', services: true },
    title: 'Service shares mounts with the host',
    description: 'With shared (or rshared) propagation, mounts made inside the container appear on the host and the other way round: a container can then mount over host paths.',
    severity: 'warning',
    when: { any: [{ path: 'volumes', matches: ':[^:]*\\br?shared\\b[^:]*$' }, { path: 'volumes.bind.propagation', in: ['shared', 'rshared'] }] },
    message: "Service '{name}' mounts a volume with shared propagation: use the default (rprivate)",
    remedy: 'Remove `shared`/`rshared` from the mount options (the default, rprivate, keeps mounts apart).',
    references: [ref('cis-docker', '5.19')],
  },
  {
    id: 'compose/privileged-host-port',
    subject: { kind: 'compose', services: true },
    title: 'Service publishes a privileged host port',
    description: 'Host ports below 1024 are reserved for system services (SSH on 22, DNS on 53, SMTP on 25); a container publishing one can take a port the host or its administrators rely on. 80 and 443 are left to reverse proxies.',
    severity: 'info',
    when: { path: 'ports', matches: '^(?:(?:\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[^\\]]*\\]):)?(?!80:|443:)(?:[1-9]|[1-9]\\d|[1-9]\\d\\d|10[01]\\d|102[0-3]):\\d+(?:-\\d+)?(?:/(?:tcp|udp|sctp))?$' },
    message: "Service '{name}' publishes the privileged host port of '{value}': use a host port of 1024 or more",
    remedy: 'Publish on a host port of 1024 or more (`"2222:22"`), or bind it to 127.0.0.1 for local use.',
    references: [ref('cis-docker', '5.8')],
  },
  {
    id: 'compose/debug-port-exposed',
    subject: { kind: 'compose', services: true },
    title: 'Service publishes a debugger port on every interface',
    description: 'A debugger port (Node inspector 9229, JDWP 5005, debugpy 5678, Delve 2345) runs any code it is sent; published without a host address, it listens on every interface of the machine.',
    severity: 'warning',
    when: { path: 'ports', matches: `^(?:0\\.0\\.0\\.0:|\\[::\\]:)?(?:\\d+(?:-\\d+)?:)?(?:${DEBUG_PORTS})(?:/tcp)?$` },
    message: "Service '{name}' publishes debugger port '{value}' on all interfaces: bind it to 127.0.0.1 (\"127.0.0.1:9229:9229\") or remove it",
    remedy: 'Bind it to the loopback address (`"127.0.0.1:9229:9229"`), and keep it out of files used beyond a developer machine.',
    references: [ref('cis-docker', '5.13')],
  },
];
