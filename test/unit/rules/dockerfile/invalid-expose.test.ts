import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/invalid-expose';

ruleTable('dockerfile/invalid-expose', [
  { what: 'out of range', input: 'FROM nginx:1.27\nEXPOSE 80 70000\n', want: [2], messages: [message('70000', 'range')] },
  { what: 'not a number, lower-case', input: 'from nginx:1.27\nexpose http\n', want: [2], messages: [message('http', 'format')] },
  { what: 'bad protocol and host mapping', input: 'FROM nginx:1.27\nEXPOSE 53/dns 8080:80\n', want: [2, 2], messages: [message('53/dns', 'protocol'), message('8080:80', 'mapping')] },
  { what: 'multi-line EXPOSE and a reversed range', input: 'FROM nginx:1.27\nEXPOSE 80 \\\n       9000-8000\n', want: [3], messages: [message('9000-8000', 'order')] },
  { what: 'port 0 in a later stage', input: 'FROM nginx:1.27 AS a\nFROM nginx:1.27\nEXPOSE 0\n', want: [3] },
  { what: 'valid ports, ranges and protocols', input: 'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 8000-8010 9000/sctp 65535 80/TCP\n', want: [] },
  { what: 'ports from variables', input: 'FROM nginx:1.27\nARG PORT=8080\nEXPOSE $PORT ${METRICS_PORT}/tcp\n', want: [] },
]);
