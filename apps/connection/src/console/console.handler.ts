import { createReadStream, existsSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import type { ConsoleConfig } from '@app/config';
import { PROBLEM_CONTENT_TYPE, problemType } from '@app/runtime';
import type { NextFunction, Request, Response } from 'express';
import { consoleClientConfigOf, consoleContentSecurityPolicy } from './console-client-config';
import { CONSOLE_INDEX, cacheControlOf, consoleTargetOf, contentTypeOf, fileInside, isSpaRoute } from './console-path';

type Handler = (request: Request, response: Response, next: NextFunction) => void;

function sendProblem(response: Response, status: number, code: string, title: string, detail: string, instance: string): void {
  response.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ type: problemType(code), title, status, detail, code, instance }));
}

function regularFile(file: string | undefined): Stats | undefined {
  if (file === undefined) return undefined;
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built operator console (a static SPA) at /console, outside the REST APIs' guards: the
 * SPA's own API calls carry the bearer token. Unknown paths without an extension are SPA routes
 * (index.html); hashed assets are cached for a year, the rest revalidated; every answer carries
 * the console's CSP, nosniff and no-referrer; with OIDC, the CSP also allows the provider's token endpoint
 * (`tokenEndpointOrigin`). Reads the folder on each request, so a console built
 * while the service runs is served without a restart.
 */
export function consoleHandler(settings: Pick<ConsoleConfig, 'dir' | 'api' | 'oidc'>, tokenEndpointOrigin?: () => Promise<string | undefined>): Handler {
  const root = path.resolve(settings.dir);
  const clientConfig = JSON.stringify(consoleClientConfigOf(settings));
  const securityHeadersOf = (endpointOrigin: string | undefined) => ({
    'Content-Security-Policy': consoleContentSecurityPolicy(settings, endpointOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  const withoutDiscovery = securityHeadersOf(undefined);
  // The token endpoint's origin is known after the first discovery (that request waits for it, within its timeout); it never rejects.
  return (request, response, next) => {
    if (tokenEndpointOrigin === undefined) return serve(request, response, withoutDiscovery);
    tokenEndpointOrigin()
      .then((origin) => serve(request, response, origin === undefined ? withoutDiscovery : securityHeadersOf(origin)))
      .catch(next);
  };

  function serve(request: Request, response: Response, securityHeaders: Record<string, string>): void {
    const [pathname = '', query] = request.originalUrl.split('?', 2);
    response.set(securityHeaders);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.set('Allow', 'GET, HEAD');
      return sendProblem(response, 405, 'method-not-allowed', 'Method Not Allowed', 'the console is static: GET or HEAD only', pathname);
    }
    // Relative URLs of the SPA resolve against /console/, not against /.
    if (pathname === '/console') return response.redirect(301, `/console/${query === undefined ? '' : `?${query}`}`);
    const target = consoleTargetOf(pathname.slice('/console'.length));
    if (target.kind === 'refused') return sendProblem(response, 400, 'bad-path', 'Bad Request', 'the path is not one of the console’s files', pathname);
    if (target.kind === 'config') {
      response.set('Cache-Control', 'no-cache').type('application/json; charset=utf-8');
      return void response.send(clientConfig);
    }
    const index = path.join(root, CONSOLE_INDEX);
    if (!existsSync(index)) {
      return sendProblem(response, 404, 'console-not-built', 'Not Found', `the operator console is not built: run \`npm run build\` (CONSOLE_DIR ${root} has no ${CONSOLE_INDEX})`, pathname);
    }
    let relative = target.relative;
    let stats = regularFile(fileInside(root, relative));
    if (stats === undefined) {
      if (!isSpaRoute(relative)) return sendProblem(response, 404, 'not-found', 'Not Found', `the console has no file ${relative}`, pathname);
      relative = CONSOLE_INDEX;
      stats = regularFile(index);
      if (stats === undefined) return sendProblem(response, 404, 'console-not-built', 'Not Found', 'the operator console is not built: run `npm run build`', pathname);
    }
    response.set({ 'Content-Type': contentTypeOf(relative), 'Content-Length': String(stats.size), 'Cache-Control': cacheControlOf(relative), 'Last-Modified': stats.mtime.toUTCString() });
    if (request.method === 'HEAD') return void response.status(200).end();
    const stream = createReadStream(path.join(root, relative));
    stream.on('error', () => response.destroy());
    stream.pipe(response.status(200));
  }
}

/** Whether the console folder holds a build (for the start-up warning). */
export function consoleIsBuilt(dir: string): boolean {
  return existsSync(path.join(dir, CONSOLE_INDEX));
}
