import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docker } from '../../../../src/agent/policy/handlers/docker';
import { ready } from '../../../helpers/core';
import { handlerWorkspace, runHandler } from '../../../helpers/policyHandler';

let ws: ReturnType<typeof handlerWorkspace>;
before(async () => {
  await ready();
  ws = handlerWorkspace();
});
after(() => ws.remove());
const run = (command: string) => runHandler(docker, command, ws.root);

describe('policy handler: docker / podman / nerdctl', () => {
  it('asks for local builds and listings', () => {
    for (const command of ['docker build -t web .', 'podman ps -a', 'docker compose up -d']) {
      const r = run(command);
      assert.equal(r.decision, 'ask', command);
      assert.deepEqual(r.hosts, [], command);
    }
  });

  it('checks the registry of pulled and pushed images', () => {
    const hub = run('docker push web:1');
    assert.equal(hub.decision, 'deny');
    assert.match(hub.reasons[0], /docker\.io is not in permissions\.network/);
    const own = run('docker pull registry.example.com/team/web:1');
    assert.equal(own.decision, 'ask');
    assert.deepEqual(own.hosts, ['registry.example.com']);
    const tags = run('docker buildx build --push -t registry.example.com/web:2 .');
    assert.deepEqual(tags.hosts, ['registry.example.com']);
    assert.match(run('docker pull "$IMAGE"').reasons[0], /computed at run time, so its registry cannot be checked/);
  });

  it('refuses privileged containers, host namespaces and host paths outside the workspace', () => {
    assert.match(run('docker run --privileged alpine').reasons.join('\n'), /--privileged gives the container full control of the host/);
    assert.match(run('docker run --network=host alpine').reasons.join('\n'), /--network=host shares the host's namespaces/);
    assert.match(run('docker run -v /etc:/host-etc alpine').reasons.join('\n'), /mounts the host path \/etc, outside the workspace/);
    assert.match(run('docker run --mount type=bind,source=/var/run,target=/r alpine').reasons.join('\n'), /mounts the host path \/var\/run/);
    assert.equal(run('docker run -v ./k8s:/data -v cache:/cache alpine').decision, 'ask');
  });

  it('refuses remote daemons over SSH and checks TCP daemons', () => {
    assert.match(run('docker -H ssh://ops@prod ps').reasons[0], /runs commands on a server over SSH/);
    assert.match(run('docker -H tcp://evil.example:2375 ps').reasons[0], /evil\.example is not in permissions\.network/);
    assert.equal(run('docker -H unix:///var/run/docker.sock ps').decision, 'ask');
  });

  it('marks prunes and forced removals destructive', () => {
    for (const command of ['docker system prune -f', 'docker volume rm data', 'docker image prune -a', 'podman compose down -v', 'docker rm -f web']) {
      const r = run(command);
      assert.equal(r.decision, 'ask', command);
      assert.equal(r.destructive, true, command);
    }
  });

  it('walks the command run inside a container', () => {
    const r = run('docker run --rm -v ./k8s:/w alpine cat /w/app.yaml');
    assert.deepEqual(r.walked, ['words: cat /w/app.yaml']);
    assert.deepEqual(run('docker exec -u root web sh -c id').walked, ['words: sh -c id']);
    assert.equal(r.session.scope.inContainer, 0);
  });
});
