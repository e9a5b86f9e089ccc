/** A tenant id: the operator organisation a credential, station, site or certificate belongs to. */
export const TENANT_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
