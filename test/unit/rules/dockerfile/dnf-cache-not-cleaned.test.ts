import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/dnf-cache-not-cleaned';

ruleTable('dockerfile/dnf-cache-not-cleaned', [
  { what: "install without clean", input: 'FROM fedora:40\nRUN dnf install -y git\n', want: [2], messages: [message('dnf')] },
  { what: "clean all in the same RUN", input: 'FROM fedora:40\nRUN dnf install -y git && dnf clean all\n', want: [] },
  { what: "rm of the cache", input: 'FROM fedora:40\nRUN microdnf install git && rm -rf /var/cache/dnf\n', want: [] },
  { what: "cache mount", input: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y git\n', want: [] },
  { what: "build stage only", input: 'FROM fedora:40 AS build\nRUN dnf install -y gcc\nFROM scratch\nCOPY --from=build /etc/os-release /\n', want: [] },
  { what: "clean in a later RUN does not count", input: 'FROM fedora:40\nRUN yum install -y git\nRUN yum clean all\n', want: [2] },
]);
