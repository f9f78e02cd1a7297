import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/refresh-without-install';

ruleTable('dockerfile/refresh-without-install', [
  { what: "makecache alone", input: 'FROM fedora:40\nRUN dnf makecache\n', want: [2], messages: [message('dnf makecache')] },
  { what: "refresh with an install", input: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper -n in curl && zypper cc -a\n', want: [] },
  { what: "zypper ref alone", input: 'FROM opensuse/leap:15.6\nRUN zypper ref\n', want: [2] },
]);
