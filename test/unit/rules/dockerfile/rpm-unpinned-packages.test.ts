import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/rpm-unpinned-packages';

ruleTable('dockerfile/rpm-unpinned-packages', [
  { what: "unpinned", input: 'FROM rockylinux:9\nRUN dnf install -y git vim\n', want: [2], messages: [message('dnf', ['git', 'vim'])] },
  { what: "pinned, groups, provides and files", input: "FROM rockylinux:9\nRUN dnf install -y git-2.43.0 @development /usr/bin/python3 'perl(JSON)' ./local.rpm\n", want: [] },
  { what: "zypper", input: 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper -n in git=2.43.0\n', want: [2] },
]);
