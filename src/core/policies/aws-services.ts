import { AWS_APP_POLICIES } from './aws-app';
import { AWS_DATA_POLICIES } from './aws-data';
import { AWS_NETWORK_POLICIES } from './aws-network';
import { AWS_SECURITY_POLICIES } from './aws-security';
import type { Policy } from './types';

/** The AWS policies grouped by service family, beside the first table of aws.ts. */
export const AWS_SERVICE_POLICIES: readonly Policy[] = [...AWS_NETWORK_POLICIES, ...AWS_DATA_POLICIES, ...AWS_APP_POLICIES, ...AWS_SECURITY_POLICIES];
