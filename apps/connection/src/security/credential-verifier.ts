import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SCRYPT_SCHEME, isAcceptablePasswordLength, schemeOf, verifyPassword } from './password-hash';

const CACHE_TTL_MS = 15 * 60 * 1000;
const CACHE_LIMIT = 200_000;

/** scrypt of a random password nobody kept: what a refusal costs, whichever scheme the station's hash has, and for unknown ids. */
const DECOY_HASH = 'scrypt$1024$8$1$7RYOwv+5puB+tT0thTnLLA==$d1Toh0bY8z1kAeKxFwvwgMoESIu3sP/iYpK+wOXrbBY=';

interface VerifiedCredential {
  storedHash: string;
  presentedDigest: Buffer;
  expiresAt: number;
}

/**
 * Verifies Basic-auth passwords against their stored hash, remembering a
 * successful verification for a while so that a reconnect storm costs one
 * SHA-256 per station instead of one scrypt. The memory holds digests, never
 * passwords, and is invalidated by any change of the stored hash.
 *
 * Timing must not tell which station ids exist (ADR 006, 032): a refusal costs
 * one scrypt whatever the scheme of the station's hash, and so does the refusal
 * of an unknown id (`refuseUnknown`). Only a right password is fast with a
 * generated (hmac-sha256) hash, and whoever has it knows the id exists anyway.
 */
@Injectable()
export class CredentialVerifier {
  private readonly verified = new Map<string, VerifiedCredential>();

  async verify(stationId: string, password: string, storedHash: string): Promise<boolean> {
    if (!isAcceptablePasswordLength(password)) return false;
    const digest = createHash('sha256').update(password, 'utf8').digest();
    const cached = this.verified.get(stationId);
    if (cached && cached.storedHash === storedHash && cached.expiresAt > Date.now() && timingSafeEqual(cached.presentedDigest, digest)) {
      return true;
    }
    if (!(await verifyPassword(password, storedHash))) {
      if (schemeOf(storedHash) !== SCRYPT_SCHEME) await verifyPassword(password, DECOY_HASH);
      return false;
    }
    this.remember(stationId, { storedHash, presentedDigest: digest, expiresAt: Date.now() + CACHE_TTL_MS });
    return true;
  }

  /** Refuses a password presented for a station id that is not registered, at the cost of refusing a wrong one for a registered id. */
  async refuseUnknown(password: string): Promise<false> {
    if (isAcceptablePasswordLength(password)) await verifyPassword(password, DECOY_HASH);
    return false;
  }

  private remember(stationId: string, credential: VerifiedCredential): void {
    if (this.verified.size >= CACHE_LIMIT) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.delete(stationId);
    this.verified.set(stationId, credential);
  }
}
