import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/gcp-storage-bucket-public';

tfTable('terraform/gcp-storage-bucket-public', [
  { what: 'IAM member allUsers', input: `resource "google_storage_bucket_iam_member" "public" {\n  bucket = google_storage_bucket.site.name\n  role   = "roles/storage.objectViewer"\n  member = "allUsers"\n}\n`, want: [4], messages: [message('google_storage_bucket_iam_member.public', 'allUsers')] },
  { what: 'IAM binding with allAuthenticatedUsers', input: `resource "google_storage_bucket_iam_binding" "b" {\n  bucket  = google_storage_bucket.data.name\n  role    = "roles/storage.objectViewer"\n  members = ["group:eng@example.com", "allAuthenticatedUsers"]\n}\n`, want: [4] },
  { what: 'ACL entity', input: `resource "google_storage_bucket_access_control" "acl" {\n  bucket = google_storage_bucket.site.name\n  role   = "READER"\n  entity = "allUsers"\n}\n`, want: [4] },
  { what: 'members through a variable default', files: { 'main.tf': `resource "google_storage_bucket_iam_binding" "b" {\n  bucket  = "site"\n  role    = "roles/storage.objectViewer"\n  members = var.readers\n}\n`, 'variables.tf': `variable "readers" {\n  default = ["allUsers"]\n}\n` }, want: { 'main.tf': [4], 'variables.tf': [] } },
  { what: 'named members', input: `resource "google_storage_bucket_iam_member" "m" {\n  bucket = "data"\n  role   = "roles/storage.objectViewer"\n  member = "serviceAccount:app@acme.iam.gserviceaccount.com"\n}\n`, want: [] },
  { what: 'unknown member', input: `resource "google_storage_bucket_iam_member" "m" {\n  bucket = "data"\n  role   = "roles/storage.objectViewer"\n  member = var.member\n}\n`, want: [] },
]);
