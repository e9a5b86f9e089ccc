/** OCPP 2.0.1 passwordString: 16-40 characters of a-z, A-Z, 0-9, '*', '-', '_', '=', ':', '+', '|', '@', '.' (maxLimit of BasicAuthPassword: 40). */
const PASSWORD_STRING = /^[a-zA-Z0-9*\-_=:+|@.]{16,40}$/;
/** 1.6 security whitepaper AuthorizationKey: the password's 16 to 20 bytes in hexadecimal. */
const AUTHORIZATION_KEY = /^(?:[0-9a-fA-F]{2}){16,20}$/;

/**
 * The station's Basic-auth password: the configured one at first, then whatever the CSMS sets
 * (2.0.1 SecurityCtrlr.BasicAuthPassword, 1.6 AuthorizationKey). Write-only, as both versions
 * require: nothing reads it back over OCPP. A new password applies from the next connection on.
 */
export class BasicAuthPassword {
  constructor(private current: string | undefined) {}

  get value(): string | undefined {
    return this.current;
  }

  /** A 2.0.1 BasicAuthPassword; false (and unchanged) when it is not a passwordString. */
  setPasswordString(value: string): boolean {
    if (!PASSWORD_STRING.test(value)) return false;
    this.current = value;
    return true;
  }

  /** A 1.6 AuthorizationKey: the bytes it spells are the password. False (and unchanged) when it is not 16-20 bytes of hex. */
  setAuthorizationKey(hex: string): boolean {
    if (!AUTHORIZATION_KEY.test(hex)) return false;
    this.current = Buffer.from(hex, 'hex').toString('utf8');
    return true;
  }
}
