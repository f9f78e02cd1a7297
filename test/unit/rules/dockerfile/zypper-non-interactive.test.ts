import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/zypper-non-interactive';

ruleTable('dockerfile/zypper-non-interactive', [
  { what: "install without -n", input: 'FROM opensuse/leap:15.6\nRUN zypper in curl\n', want: [2], messages: [message('in')] },
  { what: "-n, --non-interactive and -y", input: 'FROM opensuse/leap:15.6\nRUN zypper -n in a && zypper --non-interactive install b && zypper install -y c && zypper rm --no-confirm d\n', want: [] },
  { what: "-n after the subcommand is not the global option", input: 'FROM opensuse/leap:15.6\nRUN zypper install -n curl\n', want: [2] },
  { what: "search and refresh do not ask", input: 'FROM opensuse/leap:15.6\nRUN zypper search curl && zypper refresh\n', want: [] },
]);
