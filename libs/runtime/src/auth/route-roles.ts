import { RequestMethod, type Type } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { RouteAccessRole } from './api-role';
import { ApiTokenGuard, GRID_OPERATOR_SITE, REQUIRED_ROLE } from './api-token.guard';
import { requiredRoleText } from './require-role.decorator';

export interface RouteRole {
  /** `GET /stations/:id`: the method and the path under the global /api prefix. */
  route: string;
  /** What `@RequireRole` declared; undefined when nothing did (the guard then refuses everyone). */
  role: RouteAccessRole | undefined;
  /** The path parameter naming the site when grid-operator tokens granted that site may call the route too. */
  gridOperatorSite: string | undefined;
  /** What OpenAPI shows as `x-required-role`: `viewer`, or `operator|grid-operator`; undefined without a role. */
  access: string | undefined;
  /** Whether the controller sits behind the API token guard (`@ApiTokenAuth`). */
  guarded: boolean;
}

function join(...parts: string[]): string {
  return `/${parts.flatMap((part) => part.split('/')).filter(Boolean).join('/')}`;
}

/**
 * Every route of the controllers with the role it requires, read from the decorators' metadata:
 * what each service's role-matrix spec compares with its table of least privileges.
 */
export function routeRolesOf(controllers: readonly Type<unknown>[]): RouteRole[] {
  return controllers.flatMap((controller) => {
    const prototype = controller.prototype as Record<string, unknown>;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const guards: unknown = Reflect.getMetadata(GUARDS_METADATA, controller);
    const guarded = Array.isArray(guards) && guards.includes(ApiTokenGuard);
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => prototype[name])
      .filter((handler): handler is object => typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
      .map((handler) => {
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const role = Reflect.getMetadata(REQUIRED_ROLE, handler) as RouteAccessRole | undefined;
        const gridOperatorSite = Reflect.getMetadata(GRID_OPERATOR_SITE, handler) as string | undefined;
        const access = role === undefined ? undefined : requiredRoleText(role, gridOperatorSite !== undefined);
        return { route: `${method} ${join(base, String(Reflect.getMetadata(PATH_METADATA, handler)))}`, role, gridOperatorSite, access, guarded };
      });
  });
}
