/** The roles a caller may hold, each tried on its own against every route. */
export type MatrixRole = 'viewer' | 'operator' | 'security-officer' | 'admin' | 'grid-operator';
export const MATRIX_ROLES: readonly MatrixRole[] = ['viewer', 'operator', 'security-officer', 'admin', 'grid-operator'];

/**
 * ADR 036's matrix, written out on its own (not imported from the code under test): for the role a
 * route requires (`x-required-role` before any `|grid-operator`), the single roles that pass. A
 * grid-operator passes only where the route admits it, for a granted site.
 */
const ADMITTED: Record<string, readonly MatrixRole[]> = {
  viewer: ['viewer', 'operator', 'security-officer', 'admin'],
  operator: ['operator', 'admin'],
  'security-officer': ['security-officer', 'admin'],
  admin: ['admin'],
  // Routes about the caller itself (GET /api/me): any valid token.
  any: ['viewer', 'operator', 'security-officer', 'admin', 'grid-operator'],
};

export const GRANTED_SITE = 'SITE-GRANTED';

export interface DocumentedOperation {
  method: string;
  path: string;
  /** `x-required-role`: `viewer`, or `operator|grid-operator`. */
  required: string;
  /** `x-grid-operator-site`: the path parameter naming the site. */
  gridOperatorSite: string | undefined;
}

export interface MatrixOutcome {
  route: string;
  role: MatrixRole;
  status: number;
  passes: boolean;
}

/** Every operation of a REST API's OpenAPI document that declares a role. */
export async function documentedOperations(baseUrl: string): Promise<DocumentedOperation[]> {
  type Described = { 'x-required-role'?: string; 'x-grid-operator-site'?: string };
  const document = (await (await fetch(`${baseUrl}/api/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, Described>> };
  return Object.entries(document.paths).flatMap(([route, item]) =>
    Object.entries(item)
      .filter(([, operation]) => typeof operation['x-required-role'] === 'string')
      .map(([method, operation]) => ({ method: method.toUpperCase(), path: route, required: String(operation['x-required-role']), gridOperatorSite: operation['x-grid-operator-site'] })),
  );
}

/** The route with its path parameters filled in: `site` for the site parameter, an id that exists nowhere for the others. */
export function concreteRoute(operation: DocumentedOperation, site = GRANTED_SITE): string {
  return operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => (name === operation.gridOperatorSite ? site : 'E2E-NONE'));
}

export function matrixAdmits(role: MatrixRole, operation: DocumentedOperation): boolean {
  const [required = '', alternative] = operation.required.split('|');
  return (ADMITTED[required] ?? []).includes(role) || (role === 'grid-operator' && alternative === 'grid-operator');
}

/** Runs the calls a few at a time: a matrix is several hundred requests. */
export async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return results;
}

/**
 * Calls every documented route once per role (an empty JSON body where one is taken; the guard runs
 * before validation) and returns each call with whether the matrix says it passes. A refusal by the
 * guard is 401/403; any other status (400, 404, 409 …) means the guard let it through.
 */
export async function runRoleMatrix(baseUrl: string, operations: readonly DocumentedOperation[], tokenOf: (role: MatrixRole) => string): Promise<MatrixOutcome[]> {
  const cases = operations.flatMap((operation) => MATRIX_ROLES.map((role) => ({ operation, role })));
  return inBatches(cases, 8, async ({ operation, role }) => {
    const hasBody = ['POST', 'PUT', 'PATCH'].includes(operation.method);
    const headers: Record<string, string> = { authorization: `Bearer ${tokenOf(role)}`, ...(hasBody ? { 'content-type': 'application/json' } : {}) };
    const response = await fetch(`${baseUrl}${concreteRoute(operation)}`, { method: operation.method, headers, body: hasBody ? '{}' : undefined });
    await response.arrayBuffer();
    return { route: `${operation.method} ${operation.path}`, role, status: response.status, passes: matrixAdmits(role, operation) };
  });
}

/** The calls whose outcome contradicts the matrix: a verified token refused where it passes, or let through (or refused other than 403) where it does not. */
export function matrixViolations(outcomes: readonly MatrixOutcome[]): MatrixOutcome[] {
  return outcomes.filter((outcome) => (outcome.passes ? [401, 403].includes(outcome.status) : outcome.status !== 403));
}
