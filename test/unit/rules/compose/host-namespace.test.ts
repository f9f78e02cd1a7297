import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/host-namespace';

ruleTable('compose/host-namespace', [
  { what: 'network_mode host', input: 'services:\n  app:\n    image: acme/app:1.0\n    network_mode: host\n', want: [4], messages: [message('app', 'network_mode')] },
  { what: 'pid host', input: 'services:\n  app:\n    image: acme/app:1.0\n    pid: "host"\n', want: [4], messages: [message('app', 'pid')] },
  { what: 'ipc host', input: 'services:\n  app:\n    image: acme/app:1.0\n    ipc: host\n', want: [4] },
  { what: 'several at once', input: 'services:\n  app:\n    image: acme/app:1.0\n    network_mode: host\n    pid: host\n', want: [4, 5] },
  { what: 'sharing another service is fine', input: 'services:\n  app:\n    image: acme/app:1.0\n    network_mode: "service:vpn"\n    ipc: shareable\n', want: [] },
  { what: 'bridge', input: 'services:\n  app:\n    image: acme/app:1.0\n    network_mode: bridge\n', want: [] },
  { what: 'from an anchor', input: 'x-host: &host\n  network_mode: host\nservices:\n  app:\n    <<: *host\n    image: acme/app:1.0\n', want: [2] },
]);
