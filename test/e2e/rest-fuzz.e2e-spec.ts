import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@test/support/free-port';
import { fuzzParameters } from '@test/support/fuzz-parameters';
import { testBrokers, uniqueTopicPrefix } from '@test/support/kafka-test-client';
import { OperatorApiClient, type Role } from '@test/support/operator-api-client';
import { type FuzzRequest, type OpenApiDocument, type Operation, credentialOf, operationsOf, requestsTo } from '@test/support/rest-fuzz-requests';
import { type AppName, type ServiceProcess, startService, waitUntilReady } from '@test/support/service-process';
import { type TestDatabase, createTestDatabase } from '@test/support/test-database';
import fc from 'fast-check';

const INTERNAL_API_TOKEN = `internal-${'f'.repeat(32)}`;
const REQUEST_TIMEOUT_MS = 30_000;
/** Statuses a route may answer when a dependency fails, if its OpenAPI document says so. */
const DOCUMENTED_ONLY = new Set([502, 503, 504]);

/** Regression cases: requests the fuzzer once found answered 500, replayed first on every run. */
const regressions: { service: AppName; method: string; path: string; target: string; body?: string }[] = [
  // U+0000 in the CA id reached PostgreSQL, which refused it: 500.
  { service: 'pki', method: 'GET', path: '/api/crls/{caId}', target: '/api/crls/%00' },
  // The same on any route: answered 400 at the edge when PostgreSQL refuses it (SQLSTATE 22021).
  { service: 'pki', method: 'GET', path: '/api/internal/pki/inbox/{eventId}', target: '/api/internal/pki/inbox/%00' },
];

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/**
 * Property-based fuzzing of every REST route of the three services (each from dist/, real Kafka
 * and PostgreSQL), from their own OpenAPI documents: path parameters, query strings and JSON
 * bodies that are plausible, near misses, or junk, sent with a token of the route's role. No
 * answer is a 500, a 4xx is problem JSON, 502/503/504 only where documented, and every process
 * is alive and logged no unhandled error afterwards. FUZZ_SECONDS (default 30) is this file's time.
 */
describe('REST API fuzzing', () => {
  const api = new OperatorApiClient();
  const services = new Map<AppName, ServiceProcess>();
  let database: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-rest-fuzz-'));
    database = await createTestDatabase('rest_fuzz');
    const env = {
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('restfuzz'),
      DATABASE_URL: database.url,
      API_TOKENS_FILE: api.writeTokenFile(dir),
      INTERNAL_API_TOKEN,
      LOG_LEVEL: 'warn',
    };
    const [wsPort, ...ports] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const names: AppName[] = ['connection', 'smart-charging', 'pki'];
    names.forEach((name, index) => services.set(name, startService(name, { ...env, OCPP_WS_PORT: String(wsPort), PKI_KEY_DIR: path.join(dir, 'keys') }, ports[index] as number)));
    await Promise.all([...services.values()].map((service) => waitUntilReady(service, 90_000)));
  });

  afterAll(async () => {
    await Promise.all([...services.values()].map((service) => service.stop('SIGKILL')));
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function send(request: FuzzRequest): Promise<Answer> {
    const service = services.get(request.operation.service as AppName) as ServiceProcess;
    const headers: Record<string, string> = {};
    const { credential } = request;
    if (credential.kind === 'role') headers.authorization = `Bearer ${api.tokens[credential.role as Role] ?? api.tokens.admin}`;
    if (credential.kind === 'internal') headers.authorization = `Bearer ${INTERNAL_API_TOKEN}`;
    if (credential.kind === 'oscp') headers.authorization = 'Token not-a-registered-token';
    if (request.contentType) headers['content-type'] = request.contentType;
    const response = await fetch(`${service.baseUrl}${request.target}`, { method: request.method, headers, body: request.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  }

  function verify(request: FuzzRequest, answer: Answer): void {
    const fail = (why: string) => {
      throw new Error(`${why}\n${request.method} ${request.operation.service}${request.target}\nbody: ${String(request.body).slice(0, 400)}\nanswer ${answer.status} ${answer.contentType}: ${answer.text.slice(0, 400)}`);
    };
    if (answer.status >= 500) {
      if (!DOCUMENTED_ONLY.has(answer.status)) fail(`answered ${answer.status}`);
      if (!Object.hasOwn(request.operation.operation.responses, String(answer.status))) fail(`answered ${answer.status}, which the route does not document`);
    }
    // Node's HTTP parser refuses an over-long URL or header (431) before the application sees the request.
    if (answer.status >= 400 && answer.status < 500 && answer.status !== 431) {
      if (!answer.contentType.startsWith('application/problem+json')) fail('a 4xx that is not problem JSON');
      const problem = JSON.parse(answer.text) as { status?: unknown; title?: unknown; detail?: unknown };
      if (problem.status !== answer.status || typeof problem.title !== 'string') fail('a problem JSON without status and title');
    }
  }

  it('answers every route of every service without a 500, with problem JSON for client errors', async () => {
    const operations: Operation[] = [];
    for (const [name, service] of services) {
      const document = (await (await fetch(`${service.baseUrl}/api/docs/openapi.json`)).json()) as OpenApiDocument;
      operations.push(...operationsOf(name, document));
    }
    expect(operations.length).toBeGreaterThan(100);
    const byRoute = new Map(operations.map((operation) => [`${operation.service} ${operation.method} ${operation.path}`, operation]));
    const examples = regressions.map(({ service, method, path: route, target, body }) => {
      const operation = byRoute.get(`${service} ${method} ${route}`);
      if (operation === undefined) throw new Error(`regression example for a route that no longer exists: ${method} ${route}`);
      return { operation, method, target, credential: credentialOf(operation.operation), body, contentType: body === undefined ? undefined : 'application/json' } as FuzzRequest;
    });
    const reached = new Set<string>();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operations).chain(requestsTo), async (request) => {
        reached.add(`${request.operation.service} ${request.method} ${request.operation.path}`);
        const answer = await send(request);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        verify(request, answer);
      }),
      fuzzParameters(1, examples),
    );
    for (const service of services.values()) {
      expect([service.name, service.child.exitCode]).toEqual([service.name, null]);
      expect(service.output()).not.toMatch(/unhandled promise rejection|uncaught ?exception|FATAL/i);
    }
    const counts = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`);
    process.stdout.write(`REST fuzz: reached ${reached.size} of ${operations.length} routes; answers ${counts.join(', ')}\n`);
  });
});
