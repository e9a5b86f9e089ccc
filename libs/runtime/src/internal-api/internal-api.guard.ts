import { createHash, timingSafeEqual } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '@app/config';
import { type CanActivate, type ExecutionContext, Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';

/**
 * Internal endpoints (operations and test hooks) answer only to the bearer of
 * INTERNAL_API_TOKEN, and do not exist at all where it is unset.
 */
@Injectable()
export class InternalApiGuard implements CanActivate {
  private readonly expectedDigest: Buffer | undefined;

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.expectedDigest = config.internalApiToken === undefined ? undefined : digest(config.internalApiToken);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expectedDigest) throw new NotFoundException();
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const presented = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
    // Comparing digests keeps the comparison constant-time whatever the presented length.
    if (!timingSafeEqual(digest(presented), this.expectedDigest)) throw new UnauthorizedException('a valid internal API token is required');
    return true;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
