import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/compose/obsolete-version';

ruleTable('compose/obsolete-version', [
  { what: 'quoted version', input: 'version: "3.8"\nservices:\n  api:\n    image: acme/api:1.0\n', want: [1], messages: [message('3.8')] },
  { what: 'version after services', input: 'services:\n  api:\n    image: acme/api:1.0\nversion: "2.4"\n', want: [4] },
  { what: 'numeric version', input: 'version: 3\nservices: {}\n', want: [1] },
  { what: 'no version', input: 'services:\n  api:\n    image: acme/api:1.0\n', want: [] },
  { what: 'a service field named version is not it', input: 'services:\n  api:\n    image: acme/api:1.0\n    labels:\n      version: "1"\n', want: [] },
  { what: 'file with anchors', input: 'version: "3.9"\nx-base: &base\n  restart: always\nservices:\n  api:\n    <<: *base\n    image: acme/api:1.0\n', want: [1] },
]);
