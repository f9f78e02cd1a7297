import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/dockerfile/dnf-missing-yes';

ruleTable('dockerfile/dnf-missing-yes', [
  { what: "install without -y", input: 'FROM rockylinux:9\nRUN yum install httpd\n', want: [2], messages: [message('yum', 'install')] },
  { what: "-y, --assumeyes, --setopt and yes |", input: 'FROM rockylinux:9\nRUN dnf -y install a && dnf install --assumeyes b && dnf --setopt=assumeyes=1 install c && yes | yum install d\n', want: [] },
  { what: "microdnf never asks", input: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install git\n', want: [] },
  { what: "read-only subcommands", input: 'FROM fedora:40\nRUN dnf list installed && dnf module list && dnf makecache\n', want: [] },
  { what: "module enable asks", input: 'FROM rockylinux:9\nRUN dnf module enable nodejs:20\n', want: [2] },
]);
