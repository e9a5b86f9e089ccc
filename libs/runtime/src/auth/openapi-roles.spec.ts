import type { OpenAPIObject } from '@nestjs/swagger';
import { describeRequiredRoles } from './openapi-roles';

describe('describeRequiredRoles', () => {
  it('adds the required role to the description of each operation that declares one', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/api/stations': { get: { description: 'List.', 'x-required-role': 'viewer', responses: {} } },
        '/api/x': { post: { 'x-required-role': 'admin', responses: {} } },
        '/api/revocations': { post: { 'x-required-role': 'security-officer', responses: {} } },
        '/health/live': { get: { responses: {} } },
        '/api/sites/{siteId}/limits': { put: { 'x-required-role': 'operator|grid-operator', 'x-grid-operator-site': 'siteId', responses: {} } },
      },
    } as unknown as OpenAPIObject;
    const described = describeRequiredRoles(document);
    expect(described.paths['/api/stations']?.get?.description).toBe('List.\n\nRequired role: `viewer` (roles admitted: `viewer`, `operator`, `security-officer`, `admin`).');
    expect(described.paths['/api/x']?.post?.description).toBe('Required role: `admin` (roles admitted: `admin`).');
    expect(described.paths['/api/revocations']?.post?.description).toBe('Required role: `security-officer` (roles admitted: `security-officer`, `admin`).');
    expect(described.paths['/health/live']?.get?.description).toBeUndefined();
    expect(described.paths['/api/sites/{siteId}/limits']?.put?.description).toBe(
      'Required role: `operator` (roles admitted: `operator`, `admin`), or `grid-operator` for a site granted to the token (path parameter `siteId`).',
    );
  });
});
