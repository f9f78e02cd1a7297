import type { Policy } from './types';
import { ref } from './types';

const SERVICES = { kind: 'compose', services: true } as const;

/** A `ports` entry whose container port is this one (short syntax, any host part, tcp). */
function containerPort(port: number): string {
  return `^(?:[\\d.]+:|\\[[^\\]]*\\]:)?(?:[\\d-]*:)?${port}(?:/tcp)?$`;
}

/**
 * Compose policies after the CIS Docker Benchmark (section 5) and the OWASP Docker Top 10, and
 * settings Compose itself refuses: services that reach host devices, drop their logs, or combine
 * options that cannot work together. (`healthcheck: {disable: true}` is not reported: it is how a
 * distroless image without a shell or HTTP client says it has no check, as this project's own
 * generator writes.)
 */
export const COMPOSE_RUNTIME_POLICIES: readonly Policy[] = [
  {
    id: 'compose/host-device',
    subject: SERVICES,
    title: 'Service maps a host disk or memory device',
    description: 'A host disk (/dev/sda, /dev/nvme0n1…) or memory device (/dev/mem, /dev/kmem) in the container lets it read and change the host\'s files below the filesystem, or its memory.',
    severity: 'warning',
    when: { path: 'devices', matches: '^/dev/(?:mem|kmem|port|sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\\d|dm-\\d|mapper/|disk/|loop\\d)' },
    message: "Service '{name}' maps the host device of '{value}': a container with a host disk or memory device controls the host",
    remedy: 'Remove the device; give the service a volume instead of a raw disk.',
    references: [ref('cis-docker', '5.17')],
  },
  {
    id: 'compose/device-cgroup-all',
    subject: SERVICES,
    title: 'Service may use every device',
    description: 'A device cgroup rule starting with `a` allows every device of the host, block devices included, to be created and opened in the container.',
    severity: 'warning',
    when: { path: 'device_cgroup_rules', matches: '^a(?:\\s|$)' },
    message: "Service '{name}' allows every device with the cgroup rule '{value}': allow only the device numbers it needs",
    remedy: 'Write the rule for the device type and numbers needed (`c 189:* rmw` for USB serial devices).',
    references: [ref('cis-docker', '5.17')],
  },
  {
    id: 'compose/oom-kill-disabled',
    subject: SERVICES,
    title: 'Service turns off the OOM killer',
    description: 'With `oom_kill_disable: true` a container that runs out of memory hangs instead of being killed; without a memory limit it can take the host\'s memory with it.',
    severity: 'info',
    when: { path: 'oom_kill_disable', equals: true },
    message: "Service '{name}' turns off the OOM killer: remove oom_kill_disable and set a memory limit",
    remedy: 'Remove `oom_kill_disable` and set `mem_limit` (or `deploy.resources.limits.memory`).',
    references: [ref('cis-docker', '5.10')],
  },
  {
    id: 'compose/cgroup-parent',
    subject: SERVICES,
    title: 'Service sets a cgroup parent',
    description: 'A custom `cgroup_parent` moves the container out of Docker\'s cgroup, so the limits the daemon sets for containers may not apply to it.',
    severity: 'info',
    when: { path: 'cgroup_parent', present: true },
    message: "Service '{name}' sets cgroup_parent: check the limits of '{value}' apply to it",
    remedy: 'Remove `cgroup_parent` unless the host deliberately limits that cgroup.',
    references: [ref('cis-docker', '5.24')],
  },
  {
    id: 'compose/ssh-port',
    subject: SERVICES,
    title: 'Service publishes SSH',
    description: 'An SSH server in a container is a way in that bypasses docker exec and its audit, with keys and passwords to manage per container.',
    severity: 'info',
    when: { path: 'ports', matches: containerPort(22) },
    message: "Service '{name}' publishes the container's SSH port ('{value}'): use docker exec instead of an SSH server",
    remedy: 'Remove the SSH server and the port; use `docker compose exec`.',
    references: [ref('cis-docker', '5.6')],
  },
  {
    id: 'compose/docker-api-port',
    subject: SERVICES,
    title: 'Service publishes an unencrypted Docker API',
    description: 'Port 2375 is the Docker API without TLS or authentication: whoever reaches it starts privileged containers, which is root on that host.',
    severity: 'warning',
    when: { path: 'ports', matches: `^(?!127\\.0\\.0\\.1:)${containerPort(2375).slice(1)}` },
    message: "Service '{name}' publishes the unauthenticated Docker API ('{value}'): use TLS on 2376, or bind it to 127.0.0.1",
    remedy: 'Serve the API with TLS client authentication (2376, `DOCKER_TLS_CERTDIR`), or publish it on 127.0.0.1 only.',
    references: [ref('cis-docker', '5.13'), ref('owasp-docker', 'D5')],
  },
  {
    id: 'compose/host-credentials-mount',
    subject: SERVICES,
    title: 'Service mounts the user\'s credentials',
    description: 'Mounting ~/.ssh, ~/.aws, ~/.kube, ~/.docker or the cloud CLIs\' folders gives the container, and anything compromised in it, the developer\'s keys to servers, clouds and registries.',
    severity: 'info',
    when: { path: 'volumes', matches: '^(?:~|\\$\\{?HOME\\}?|/home/[^/:]+|/root|/Users/[^/:]+)/\\.(?:ssh|aws|kube|docker|gnupg|azure|config/gcloud)(?:/[^:]*)?:' },
    message: "Service '{name}' mounts the user's credentials ('{value}'): pass the one credential it needs as a secret",
    remedy: 'Give the service a Compose `secrets:` entry or a scoped token instead of the whole folder; if it must stay, mount it `:ro`.',
    references: [ref('owasp-docker', 'D3')],
  },
  {
    id: 'compose/logging-disabled',
    subject: SERVICES,
    title: 'Service discards its logs',
    description: 'The `none` logging driver drops everything the service prints: nothing is left to debug a failure or investigate an intrusion.',
    severity: 'info',
    when: { path: 'logging.driver', equals: 'none' },
    message: "Service '{name}' discards its logs (logging driver none): keep json-file or local with rotation",
    remedy: 'Use the `local` driver (rotated by default) or `json-file` with `max-size`, or ship logs to a collector.',
    references: [ref('owasp-docker', 'D10')],
  },
  {
    id: 'compose/selinux-super-privileged',
    subject: SERVICES,
    title: 'Service runs as an SELinux super-privileged container',
    description: 'The spc_t SELinux type exempts the container from the SELinux confinement the runtime applies to containers (container_t).',
    severity: 'warning',
    when: { path: 'security_opt', matches: '^label[:=]type:spc_t$' },
    message: "Service '{name}' runs as an SELinux super-privileged container ('{value}'): remove it and keep container_t",
    remedy: 'Remove the `label:type:spc_t` option; relabel mounted folders with `:z` instead.',
    references: [ref('cis-docker', '5.2')],
  },
  {
    id: 'compose/container-name-with-replicas',
    subject: SERVICES,
    title: 'Service with a container_name runs several replicas',
    description: 'Container names are unique on a host: a service with `container_name` cannot have more than one container, so Compose refuses to scale it.',
    severity: 'error',
    where: { path: 'container_name', present: true },
    when: { path: 'deploy.replicas', greaterThan: 1 },
    message: "Service '{name}' sets container_name and {value} replicas: Compose cannot create several containers with one name",
    remedy: 'Remove `container_name` (Compose names each replica) or run one replica.',
  },
  {
    id: 'compose/network-mode-with-ports',
    subject: SERVICES,
    title: 'Service publishes ports in another container\'s network',
    description: 'A service with `network_mode: service:…` or `container:…` shares that container\'s network stack: Docker refuses to publish ports for it (publish them on the other service).',
    severity: 'error',
    where: { path: 'network_mode', matches: '^(?:service|container):' },
    when: { path: 'ports', present: true },
    message: "Service '{name}' publishes ports but shares another container's network: publish them on that service",
    remedy: 'Move the `ports` to the service whose network it uses.',
  },
  {
    id: 'compose/network-mode-with-networks',
    subject: SERVICES,
    title: 'Service sets both network_mode and networks',
    description: 'network_mode and networks are exclusive: Compose refuses a service that sets both.',
    severity: 'error',
    where: { path: 'network_mode', present: true },
    when: { path: 'networks', present: true },
    message: "Service '{name}' sets both network_mode and networks, which Compose refuses: keep one",
    remedy: 'Remove `networks` (the service uses the network of `network_mode`) or remove `network_mode`.',
  },
];
