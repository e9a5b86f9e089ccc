/** Where a station stands with this CSMS; decides the BootNotification answer and which CALLs it may send. */
export const registrationStatuses = ['accepted', 'pending', 'rejected'] as const;

export type RegistrationStatus = (typeof registrationStatuses)[number];

export function isRegistrationStatus(value: unknown): value is RegistrationStatus {
  return typeof value === 'string' && (registrationStatuses as readonly string[]).includes(value);
}
