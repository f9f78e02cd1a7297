import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/from-fixed-platform';

ruleTable('dockerfile/from-fixed-platform', [
  { what: "literal platform", input: 'FROM --platform=linux/amd64 alpine:3.20\n', want: [1], messages: [message('linux/amd64')] },
  { what: "variables and no flag", input: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM --platform=${TARGETPLATFORM} alpine:3.20\nFROM alpine:3.20\n', want: [] },
]);
