import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/azure-storage-insecure-transport';

tfTable('terraform/azure-storage-insecure-transport', [
  { what: 'HTTP allowed (azurerm 3)', input: `resource "azurerm_storage_account" "sa" {\n  name                      = "acmedata"\n  enable_https_traffic_only = false\n}\n`, want: [3], messages: [message('sa', 'http')] },
  { what: 'HTTP allowed (azurerm 4)', input: `resource "azurerm_storage_account" "sa" {\n  https_traffic_only_enabled = false\n}\n`, want: [2] },
  { what: 'TLS 1.0', input: `resource "azurerm_storage_account" "sa" {\n  min_tls_version = "TLS1_0"\n}\n`, want: [2], messages: [message('sa', 'tls', 'TLS1_0')] },
  { what: 'TLS 1.1 through a local', input: `locals {\n  tls = "TLS1_1"\n}\nresource "azurerm_storage_account" "sa" {\n  min_tls_version = local.tls\n}\n`, want: [5] },
  { what: 'secure settings', input: `resource "azurerm_storage_account" "sa" {\n  name                       = "acmedata"\n  https_traffic_only_enabled = true\n  min_tls_version            = "TLS1_2"\n}\n`, want: [] },
  { what: 'provider defaults', input: `resource "azurerm_storage_account" "sa" {\n  name = "acmedata"\n}\n`, want: [] },
]);
