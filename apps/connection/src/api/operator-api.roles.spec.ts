import { type ApiRole, ApiTokenGuard, grants, GRID_OPERATOR_SITE, REQUIRED_ROLE } from '@app/runtime';
import { RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { operatorApiControllers } from './api.module';

/**
 * Least privilege, checked by reflection over every controller of the operator API: a new
 * endpoint without a role, or with another role than listed here, fails this spec.
 */
/**
 * Commands that change credentials, trust anchors, firmware or anything else (raw) are
 * admin-only: an operator must not be able to lock a station out or prepare a MITM.
 */
const SECURITY_SENSITIVE = new Set(['set-configuration', 'update-firmware', 'certificate-signed', 'install-certificate', 'delete-certificate', 'raw']);

const expectedRoles: Record<string, ApiRole> = {
  'GET /stations': 'viewer',
  'GET /stations/summary': 'viewer',
  'GET /stations/:id': 'viewer',
  'PUT /stations/:id': 'admin',
  'POST /stations/:id/accept': 'operator',
  // Credentials: who may connect as the station; a security officer's job (ADR 036).
  'POST /stations/:id/rotate-password': 'security-officer',
  // Tenancy: which organisation sees the station (tenant-less admins only, ADR 037).
  'PUT /stations/:id/tenant': 'admin',
  'GET /stations/:id/connectors': 'viewer',
  'GET /stations/:id/history': 'viewer',
  'GET /stations/:id/meter-values': 'viewer',
  'GET /stations/:id/reported-charging-profiles': 'viewer',
  'GET /transactions': 'viewer',
  'GET /transactions/export': 'viewer',
  'GET /transactions/:id': 'viewer',
  'GET /id-tokens': 'viewer',
  'PUT /id-tokens/:value': 'operator',
  'DELETE /id-tokens/:value': 'operator',
  'GET /commands': 'viewer',
  'GET /commands/:commandId': 'viewer',
  'GET /stations/:id/display-messages': 'viewer',
  'POST /stations/:id/display-messages': 'operator',
  'DELETE /stations/:id/display-messages/:messageId': 'operator',
  'POST /stations/:id/display-messages/requests': 'operator',
  'GET /stations/:id/display-messages/requests/:requestId': 'viewer',
  // Personal data: never for viewer tokens.
  'POST /stations/:id/customer-information': 'operator',
  'GET /stations/:id/customer-information/:requestId': 'operator',
  'GET /stations/:id/published-firmware': 'viewer',
  'POST /stations/:id/published-firmware': 'admin',
  'DELETE /stations/:id/published-firmware/:checksum': 'admin',
  'GET /stations/:id/ev-charging-schedules': 'viewer',
  'GET /alerts': 'viewer',
  'GET /stations/:id/alerts': 'viewer',
  'GET /stations/:id/monitors': 'viewer',
  'POST /stations/:id/monitors': 'operator',
  'POST /stations/:id/monitors/clear': 'operator',
  'PUT /stations/:id/monitoring-base': 'operator',
  'PUT /stations/:id/monitoring-level': 'operator',
  'POST /stations/:id/monitoring-reports': 'operator',
  'GET /stations/:id/monitoring-reports/:requestId': 'viewer',
  'POST /reservations': 'operator',
  'GET /reservations': 'viewer',
  'GET /reservations/:id': 'viewer',
  'POST /reservations/:id/cancel': 'operator',
  'GET /stations/:id/device-model': 'viewer',
  'POST /stations/:id/device-model/variables': 'operator',
  'POST /stations/:id/device-model/reports': 'operator',
  'GET /stations/:id/device-model/reports': 'viewer',
  'GET /stations/:id/device-model/reports/:requestId': 'viewer',
  'GET /local-lists': 'viewer',
  'GET /stations/:id/local-list': 'viewer',
  'POST /stations/:id/local-list/push': 'operator',
  'POST /local-lists/push': 'operator',
  // Replaying events into consumer groups: platform operations (ADR 041).
  'GET /parked-events': 'admin',
  'POST /parked-events/replay': 'admin',
  'POST /parked-events/:id/replay': 'admin',
  ...Object.fromEntries(
    [
      'remote-start',
      'remote-stop',
      'reset',
      'unlock-connector',
      'change-availability',
      'trigger-message',
      'get-configuration',
      'set-configuration',
      'set-charging-profile',
      'clear-charging-profile',
      'get-charging-profiles',
      'get-transaction-status',
      'cost-updated',
      'get-composite-schedule',
      'clear-cache',
      'update-firmware',
      'get-log',
      'certificate-signed',
      'install-certificate',
      'delete-certificate',
      'get-installed-certificate-ids',
      'data-transfer',
      'send-local-list',
      'get-local-list-version',
      'raw',
    ].map((name): [string, ApiRole] => [`POST /stations/:id/commands/${name}`, SECURITY_SENSITIVE.has(name) ? 'admin' : 'operator']),
  ),
};

interface Route {
  route: string;
  role: ApiRole | undefined;
  /** Set when grid-operator tokens may call the route too: none of the operator API may. */
  gridOperatorSite: string | undefined;
}

function join(...parts: string[]): string {
  return `/${parts.flatMap((part) => part.split('/')).filter(Boolean).join('/')}`;
}

function routesOf(controller: (typeof operatorApiControllers)[number]): Route[] {
  const prototype = controller.prototype as unknown as Record<string, unknown>;
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  return Object.getOwnPropertyNames(prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => prototype[name])
    .filter((handler): handler is object => typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
    .map((handler) => {
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      return {
        route: `${method} ${join(base, String(Reflect.getMetadata(PATH_METADATA, handler)))}`,
        role: Reflect.getMetadata(REQUIRED_ROLE, handler) as ApiRole | undefined,
        gridOperatorSite: Reflect.getMetadata(GRID_OPERATOR_SITE, handler) as string | undefined,
      };
    });
}

describe('operator API roles', () => {
  const routes = operatorApiControllers.flatMap(routesOf);

  it('finds every endpoint of every controller', () => {
    expect(routes.map((route) => route.route).sort()).toEqual(Object.keys(expectedRoles).sort());
  });

  it.each(Object.entries(expectedRoles))('%s requires the %s role', (route, role) => {
    expect(routes.find((candidate) => candidate.route === route)?.role).toBe(role);
  });

  it('lets no security-officer token send a station command', () => {
    const commands = routes.filter((route) => route.route.startsWith('POST /stations/:id/commands/'));
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((route) => route.role !== undefined && grants(['security-officer'], route.role))).toEqual([]);
  });

  it('admits no grid-operator token anywhere (they reach the limits of their sites only)', () => {
    expect(routes.filter((route) => route.gridOperatorSite !== undefined)).toEqual([]);
  });

  it.each(operatorApiControllers.map((controller) => [controller.name, controller] as const))('%s is behind the API token guard', (_name, controller) => {
    expect(Reflect.getMetadata(GUARDS_METADATA, controller)).toContain(ApiTokenGuard);
  });
});
