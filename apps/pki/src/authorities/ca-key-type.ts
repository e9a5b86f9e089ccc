import type { CaKeySpec } from './ca-key-spec';

/** The key types the REST API offers for a new CA, as one word each. */
export const CA_KEY_TYPES = ['EC-P256', 'EC-P384', 'RSA-2048', 'RSA-3072', 'RSA-4096'] as const;
export type CaKeyType = (typeof CA_KEY_TYPES)[number];

export function caKeySpecFor(type: CaKeyType): CaKeySpec {
  switch (type) {
    case 'EC-P256':
      return { type: 'ec', curve: 'P-256' };
    case 'EC-P384':
      return { type: 'ec', curve: 'P-384' };
    case 'RSA-2048':
      return { type: 'rsa', bits: 2048 };
    case 'RSA-3072':
      return { type: 'rsa', bits: 3072 };
    case 'RSA-4096':
      return { type: 'rsa', bits: 4096 };
  }
}
