import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/no-resource-limits';

ruleTable('compose/no-resource-limits', [
  { what: 'no limits', input: 'services:\n  web:\n    image: nginx:1.27\n', want: [2], messages: [message('web')] },
  { what: 'deploy limits', input: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n', want: [] },
  { what: 'mem_limit', input: 'services:\n  web:\n    image: nginx:1.27\n    mem_limit: 256m\n', want: [] },
  { what: 'cpus only', input: 'services:\n  web:\n    image: nginx:1.27\n    cpus: 0.5\n', want: [] },
  { what: 'reservations are not limits', input: 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        reservations:\n          memory: 128M\n', want: [2] },
  {
    what: 'limits merged from an anchor',
    input: 'x-limits: &limits\n  deploy:\n    resources:\n      limits:\n        memory: 256M\nservices:\n  web:\n    <<: *limits\n    image: nginx:1.27\n',
    want: [],
  },
  { what: 'limits inherited through extends', input: 'services:\n  base:\n    image: nginx:1.27\n    mem_limit: 256m\n  web:\n    extends: base\n', want: [] },
  { what: 'extends from another file is not judged', input: 'services:\n  web:\n    extends:\n      file: common.yaml\n      service: web\n', want: [] },
  { what: 'partial service of an override file', input: 'services:\n  web:\n    ports:\n      - "127.0.0.1:8080:80"\n', want: [] },
]);
