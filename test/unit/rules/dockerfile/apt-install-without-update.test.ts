import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/apt-install-without-update';

ruleTable('dockerfile/apt-install-without-update', [
  { what: "install alone", input: 'FROM ubuntu:24.04\nRUN apt-get install -y curl\n', want: [2], messages: [message('apt-get')] },
  { what: "update before it, .deb files, other bases", input: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y ./local.deb\nFROM registry.example.org/base:1\nRUN apt-get install -y curl\n', want: [] },
]);
