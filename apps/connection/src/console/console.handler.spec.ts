import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { consoleHandler } from './console.handler';

const INDEX = '<!doctype html><title>console</title>';

/** A raw request, so that paths reach the server exactly as written (fetch would normalise `..`). */
function raw(port: number, method: string, target: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const call = httpRequest({ host: '127.0.0.1', port, method, path: target }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    call.on('error', reject);
    call.end();
  });
}

describe('consoleHandler', () => {
  let dir: string;
  let server: Server;
  let port: number;
  const get = (target: string, method = 'GET') => raw(port, method, target);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'console-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'assets', 'app-1a2b.css'), 'body{}');
    writeFileSync(path.join(dir, 'assets', 'app-1a2b.js.map'), '{}');
    writeFileSync(path.join(dir, 'assets', 'logo.svg'), '<svg/>');
    writeFileSync(path.join(dir, 'assets', 'logo.png'), 'png');
    writeFileSync(path.join(dir, 'assets', 'font.woff2'), 'woff2');
    writeFileSync(path.join(dir, 'manifest.json'), '{}');
    writeFileSync(path.join(tmpdir(), 'outside-console.txt'), 'secret');
    const app = express();
    app.use('/console', consoleHandler({ dir, api: { smartCharging: 'http://sc.example:3001/api', pki: undefined }, oidc: { issuer: 'https://kc.example/realms/cpo', clientId: 'c', scope: 'openid' } }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects /console to /console/ (keeping the query) and serves index.html there, revalidated each time', async () => {
    const redirect = await get('/console?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/console/?x=1');
    const index = await get('/console/');
    expect(index).toMatchObject({ status: 200, body: INDEX });
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('answers SPA routes without an extension with index.html, and a missing file with an extension 404', async () => {
    expect(await get('/console/stations/CP-1')).toMatchObject({ status: 200, body: INDEX });
    expect(await get('/console/stations/')).toMatchObject({ status: 200, body: INDEX });
    const missing = await get('/console/assets/gone-123.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('caches hashed assets for a year and gives each file its content type', async () => {
    const script = await get('/console/assets/app-1a2b.js');
    expect(script).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const [file, type] of [
      ['assets/app-1a2b.js', 'text/javascript; charset=utf-8'],
      ['assets/app-1a2b.css', 'text/css; charset=utf-8'],
      ['assets/app-1a2b.js.map', 'application/json; charset=utf-8'],
      ['assets/logo.svg', 'image/svg+xml'],
      ['assets/logo.png', 'image/png'],
      ['assets/font.woff2', 'font/woff2'],
      ['manifest.json', 'application/json; charset=utf-8'],
    ]) {
      expect({ file, type: (await get(`/console/${file}`)).headers['content-type'] }).toEqual({ file, type });
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const head = await get('/console/assets/app-1a2b.js', 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe(String('console.log(1)'.length));
  });

  it('refuses paths that leave the folder, however they are spelled', async () => {
    for (const target of ['/console/../outside-console.txt', '/console/%2e%2e/outside-console.txt', '/console/assets/%2E%2E/%2E%2E/outside-console.txt', '/console/..%2foutside-console.txt', '/console/%00.js', '/console/..%5coutside-console.txt', '/console/%zz']) {
      const answer = await get(target);
      expect({ target, status: answer.status }).toEqual({ target, status: 400 });
      expect(answer.body).not.toContain('secret');
    }
  });

  it('puts the console CSP, nosniff and no-referrer on its answers; connect-src names the configured API and issuer origins', async () => {
    const { headers } = await get('/console/');
    expect(headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' http://sc.example:3001 https://kc.example; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves config.json without a token and refuses other methods than GET and HEAD', async () => {
    const config = await get('/console/config.json');
    expect(config.status).toBe(200);
    expect(JSON.parse(config.body)).toEqual({
      api: { connection: '/api', smartCharging: 'http://sc.example:3001/api', pki: '/api' },
      oidc: { issuer: 'https://kc.example/realms/cpo', clientId: 'c', scope: 'openid' },
    });
    expect((await get('/console/', 'POST')).status).toBe(405);
  });

  it('adds the discovered token endpoint origin to connect-src, and keeps the issuer alone while it is unknown', async () => {
    let discovered: string | undefined = 'https://oauth2.example';
    const app = express();
    app.use('/console', consoleHandler({ dir, api: { smartCharging: undefined, pki: undefined }, oidc: { issuer: 'https://kc.example/realms/cpo', clientId: 'c', scope: 'openid' } }, async () => discovered));
    const other = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => other.once('listening', resolve));
    try {
      const otherPort = (other.address() as AddressInfo).port;
      const found = await raw(otherPort, 'GET', '/console/');
      expect(found).toMatchObject({ status: 200, body: INDEX });
      expect(found.headers['content-security-policy']).toContain("connect-src 'self' https://kc.example https://oauth2.example;");
      discovered = undefined;
      expect((await raw(otherPort, 'GET', '/console/config.json')).headers['content-security-policy']).toContain("connect-src 'self' https://kc.example;");
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('answers a 404 problem saying the console is not built when the folder has no index.html', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'console-empty-'));
    const app = express();
    app.use('/console', consoleHandler({ dir: empty, api: { smartCharging: undefined, pki: undefined }, oidc: undefined }));
    const bare = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => bare.once('listening', resolve));
    try {
      const answer = await raw((bare.address() as AddressInfo).port, 'GET', '/console/stations');
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 404, code: 'console-not-built', detail: expect.stringContaining('npm run build') });
    } finally {
      await new Promise((resolve) => bare.close(resolve));
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
