import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/apt-key-deprecated';

ruleTable('dockerfile/apt-key-deprecated', [
  { what: "add and adv", input: 'FROM debian:12-slim\nRUN apt-key add /k.asc && apt-key adv --keyserver keyserver.example.org --recv-keys ABC\n', want: [2, 2], messages: [message('add'), message('adv')] },
  { what: "apt-key list", input: 'FROM debian:12-slim\nRUN apt-key list\n', want: [] },
]);
