import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isAcceptablePasswordLength, verifyPassword } from './password-hash';

const CACHE_TTL_MS = 15 * 60 * 1000;
const CACHE_LIMIT = 200_000;

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
    if (!(await verifyPassword(password, storedHash))) return false;
    this.remember(stationId, { storedHash, presentedDigest: digest, expiresAt: Date.now() + CACHE_TTL_MS });
    return true;
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
