import { Controller, Get, Put } from '@nestjs/common';
import { stationVisible, tenantPolicyOf } from './tenant-policy';
import { TenantScoped } from './tenant-scoped.decorator';

@Controller('stations')
class ExampleController {
  @Get(':id/anything-new')
  sub() {}

  @Get(':identity')
  other() {}

  @Put(':id/tenant')
  @TenantScoped.untenanted()
  declared() {}

  @Get()
  undeclared() {}
}

const handler = (name: keyof ExampleController) => ExampleController.prototype[name] as object;

describe('tenantPolicyOf', () => {
  it('scopes a new route under /stations/{id} by its station without any declaration', () => {
    expect(tenantPolicyOf(ExampleController, handler('sub'))).toEqual({ kind: 'station', param: 'id', mayCreate: false });
  });

  it('prefers what the route declares', () => {
    expect(tenantPolicyOf(ExampleController, handler('declared'))).toEqual({ kind: 'untenanted' });
  });

  it.each(['other', 'undeclared'] as const)('gives no policy to an undeclared route outside /stations/{id} (%s): tenant tokens are then refused', (name) => {
    expect(tenantPolicyOf(ExampleController, handler(name))).toBeUndefined();
  });
});

describe('stationVisible', () => {
  it.each([
    ['its own tenant’s station', { tenant: 'acme' }, false, true],
    ['another tenant’s station', { tenant: 'globex' }, false, false],
    ['an unassigned station', { tenant: null }, false, false],
    ['an unknown station', 'absent', false, false],
    ['an unknown station on a route that registers it', 'absent', true, true],
    ['another tenant’s station on a route that registers', { tenant: 'globex' }, true, false],
  ] as const)('lets a principal of acme see %s: %s', (_case, station, mayCreate, visible) => {
    expect(stationVisible('acme', station, mayCreate)).toBe(visible);
  });
});
