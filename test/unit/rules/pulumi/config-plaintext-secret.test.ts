import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/pulumi/config-plaintext-secret';

ruleTable('pulumi/config-plaintext-secret', [
  { what: 'plain-text password', input: `config:\n  aws:region: eu-west-1\n  shop:dbPassword: Sup3rS3cret!\n`, want: [3], messages: [message('shop:dbPassword')] },
  { what: 'known token format under any name', input: `config:\n  shop:bootstrap: ghp_abcdefghijklmnopqrstuvwxyz0123456789AB\n`, want: [2] },
  { what: 'secret inside structured config', input: `config:\n  shop:database:\n    host: db.internal\n    password: hunter2-prod\n`, want: [4] },
  { what: 'AWS secret key in provider config', input: `config:\n  aws:secretKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n`, want: [2] },
  { what: 'encrypted values', input: `encryptionsalt: v1:abcd:efgh\nconfig:\n  shop:dbPassword:\n    secure: v1:Zm9vYmFy:YmF6cXV4\n  shop:apiToken:\n    secure: AAABADzhCpmCS5cu4zRQWSOKMTX8IwQ=\n`, want: [] },
  { what: 'no secrets', input: `config:\n  aws:region: us-east-1\n  shop:replicas: "3"\n  shop:passwordLength: "32"\n`, want: [] },
]);
