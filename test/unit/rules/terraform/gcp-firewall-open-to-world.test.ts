import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/gcp-firewall-open-to-world';

tfTable('terraform/gcp-firewall-open-to-world', [
  { what: 'SSH from anywhere', input: `resource "google_compute_firewall" "ssh" {\n  name    = "allow-ssh"\n  network = google_compute_network.vpc.name\n  allow {\n    protocol = "tcp"\n    ports    = ["22"]\n  }\n  source_ranges = ["0.0.0.0/0"]\n}\n`, want: [8], messages: [message('ssh', 'SSH (22)')] },
  { what: 'all protocols', input: `resource "google_compute_firewall" "all" {\n  network = "default"\n  allow {\n    protocol = "all"\n  }\n  source_ranges = ["0.0.0.0/0"]\n}\n`, want: [6] },
  { what: 'RDP in a port range', input: `resource "google_compute_firewall" "win" {\n  network = "default"\n  allow {\n    protocol = "tcp"\n    ports    = ["3000-4000"]\n  }\n  source_ranges = ["0.0.0.0/0"]\n}\n`, want: [7] },
  { what: 'sources through a local', input: `locals {\n  anywhere = ["0.0.0.0/0"]\n}\nresource "google_compute_firewall" "ssh" {\n  network = "default"\n  allow {\n    protocol = "tcp"\n    ports    = [22]\n  }\n  source_ranges = local.anywhere\n}\n`, want: [10] },
  { what: 'HTTPS from anywhere', input: `resource "google_compute_firewall" "web" {\n  network = "default"\n  allow {\n    protocol = "tcp"\n    ports    = ["443"]\n  }\n  source_ranges = ["0.0.0.0/0"]\n}\n`, want: [] },
  { what: 'SSH through IAP only', input: `resource "google_compute_firewall" "iap" {\n  network = "default"\n  allow {\n    protocol = "tcp"\n    ports    = ["22"]\n  }\n  source_ranges = ["35.235.240.0/20"]\n}\n`, want: [] },
  { what: 'egress rule', input: `resource "google_compute_firewall" "out" {\n  network   = "default"\n  direction = "EGRESS"\n  allow {\n    protocol = "all"\n  }\n  destination_ranges = ["0.0.0.0/0"]\n  source_ranges      = ["0.0.0.0/0"]\n}\n`, want: [] },
]);
