import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/azure-nsg-open-admin-port';

const rule = (src: string, port: string) => `resource "azurerm_network_security_rule" "r" {\n  name                       = "r"\n  direction                  = "Inbound"\n  access                     = "Allow"\n  protocol                   = "Tcp"\n  source_port_range          = "*"\n  destination_port_range     = ${port}\n  source_address_prefix      = ${src}\n  destination_address_prefix = "*"\n}\n`;

tfTable('terraform/azure-nsg-open-admin-port', [
  { what: 'SSH from any source', input: rule('"*"', '"22"'), want: [8], messages: [message('r', 'SSH (22)')] },
  { what: 'RDP from Internet', input: rule('"Internet"', '"3389"'), want: [8] },
  { what: 'every port from 0.0.0.0/0', input: rule('"0.0.0.0/0"', '"*"'), want: [8] },
  { what: 'inline security_rule in a group', input: `resource "azurerm_network_security_group" "nsg" {\n  name = "nsg"\n  security_rule {\n    name                       = "ssh"\n    priority                   = 100\n    direction                  = "Inbound"\n    access                     = "Allow"\n    protocol                   = "Tcp"\n    source_port_range          = "*"\n    destination_port_range     = "22"\n    source_address_prefix      = "*"\n    destination_address_prefix = "*"\n  }\n}\n`, want: [11] },
  { what: 'source through a variable default', files: { 'main.tf': rule('var.source', '"22"'), 'variables.tf': `variable "source" {\n  default = "*"\n}\n` }, want: { 'main.tf': [8], 'variables.tf': [] } },
  { what: 'SSH from a private range', input: rule('"10.0.0.0/8"', '"22"'), want: [] },
  { what: 'HTTPS from Internet', input: rule('"Internet"', '"443"'), want: [] },
]);
