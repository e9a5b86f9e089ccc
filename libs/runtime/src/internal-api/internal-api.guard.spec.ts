import { NotFoundException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { RuntimeConfig } from '@app/config';
import { InternalApiGuard } from './internal-api.guard';

const TOKEN = 'a-long-enough-internal-token-0123';

function contextWith(authorization?: string): ExecutionContext {
  const request = { headers: authorization === undefined ? {} : { authorization } };
  return { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
}

function guard(token: string | undefined): InternalApiGuard {
  return new InternalApiGuard({ internalApiToken: token } as RuntimeConfig);
}

describe('InternalApiGuard', () => {
  it('lets the bearer of the configured token through', () => {
    expect(guard(TOKEN).canActivate(contextWith(`Bearer ${TOKEN}`))).toBe(true);
  });

  it.each([undefined, '', 'Bearer wrong', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`])('refuses %p', (header) => {
    expect(() => guard(TOKEN).canActivate(contextWith(header))).toThrow(UnauthorizedException);
  });

  it('hides internal endpoints when no token is configured', () => {
    expect(() => guard(undefined).canActivate(contextWith(`Bearer ${TOKEN}`))).toThrow(NotFoundException);
  });
});
