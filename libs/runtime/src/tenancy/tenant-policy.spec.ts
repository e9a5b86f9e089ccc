import { Controller, Get, Put } from '@nestjs/common';
import { type ImpliedTenantPolicy, tenantPolicyOf, visibleToTenant } from './tenant-policy';
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

const implied: ImpliedTenantPolicy[] = [{ path: /^\/stations\/:id(\/|$)/, policy: { kind: 'object', owner: 'station', param: 'id', mayCreate: false } }];
const handler = (name: keyof ExampleController) => ExampleController.prototype[name] as object;

describe('tenantPolicyOf', () => {
  it('gives a new route the policy its path implies, without any declaration', () => {
    expect(tenantPolicyOf(ExampleController, handler('sub'), implied)).toEqual({ kind: 'object', owner: 'station', param: 'id', mayCreate: false });
  });

  it('prefers what the route declares', () => {
    expect(tenantPolicyOf(ExampleController, handler('declared'), implied)).toEqual({ kind: 'untenanted' });
  });

  it.each(['other', 'undeclared'] as const)('gives no policy to an undeclared route no implied path matches (%s): tenant tokens are then refused', (name) => {
    expect(tenantPolicyOf(ExampleController, handler(name), implied)).toBeUndefined();
  });
});

describe('visibleToTenant', () => {
  it.each([
    ['its own tenant’s object', { tenant: 'acme' }, false, true],
    ['another tenant’s object', { tenant: 'globex' }, false, false],
    ['an unassigned object', { tenant: null }, false, false],
    ['an unknown object', 'absent', false, false],
    ['an unknown object on a route that creates it', 'absent', true, true],
    ['another tenant’s object on a route that creates', { tenant: 'globex' }, true, false],
  ] as const)('lets a principal of acme see %s: %s', (_case, object, mayCreate, visible) => {
    expect(visibleToTenant('acme', object, mayCreate)).toBe(visible);
  });
});
