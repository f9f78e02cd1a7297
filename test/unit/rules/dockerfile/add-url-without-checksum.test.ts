import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/add-url-without-checksum';

ruleTable('dockerfile/add-url-without-checksum', [
  { what: "URL without checksum", input: 'FROM debian:12-slim\nADD https://example.org/a.tgz /opt/\n', want: [2], messages: [message('https://example.org/a.tgz')] },
  { what: "with checksum, local files and git", input: 'FROM debian:12-slim\nADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 https://example.org/a.tgz /opt/\nADD app.tar.gz /opt/\n', want: [] },
]);
