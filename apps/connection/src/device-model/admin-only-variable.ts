import { isSecretVariable } from './secret-variable';

/**
 * Variables whose value decides who may connect as the station or where it connects to: its
 * credentials, its security profile and certificates (2.0.1 SecurityCtrlr, 1.6 SecurityProfile and
 * the security extension's keys) and its network profiles. Setting one is as sensitive as the
 * admin-only `set-configuration` command, so through the device model it needs the admin role too;
 * everything else (intervals, metering, authorization policy, ...) an operator may set.
 */
const ADMIN_ONLY_COMPONENTS: ReadonlySet<string> = new Set(['SecurityCtrlr']);
const ADMIN_ONLY_VARIABLES: ReadonlySet<string> = new Set([
  // 2.0.1 OCPPCommCtrlr: which network profile, and how hard it tries before the next.
  'NetworkConfigurationPriority',
  'NetworkProfileConnectionAttempts',
  // 1.6 security extension keys.
  'SecurityProfile',
  'CpoName',
  'AdditionalRootCertificateCheck',
  'CertificateSignedMaxChainSize',
  'CertificateStoreMaxLength',
]);

export function needsAdminToSet(componentName: string | undefined, variableName: string): boolean {
  if (isSecretVariable(variableName)) return true;
  if (componentName !== undefined && ADMIN_ONLY_COMPONENTS.has(componentName)) return true;
  return ADMIN_ONLY_VARIABLES.has(variableName);
}
