import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/zypper-cache-not-cleaned';

ruleTable('dockerfile/zypper-cache-not-cleaned', [
  { what: "install without clean", input: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl\n', want: [2], messages: [message()] },
  { what: "zypper cc", input: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper cc -a\n', want: [] },
  { what: "rm of the cache", input: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && rm -rf /var/cache/zypp/*\n', want: [] },
]);
