import path from 'node:path';

/**
 * What a path under /console names, before looking at the disk:
 * - `config`: the generated /console/config.json;
 * - `file`: a file of the built console (relative to its folder; it may not exist);
 * - `refused`: a path that tries to leave the folder (`..`, NUL, a bad escape, a backslash).
 */
export type ConsoleTarget = { kind: 'config' } | { kind: 'file'; relative: string } | { kind: 'refused' };

export const CONSOLE_INDEX = 'index.html';

/** `rest`: the URL path after `/console`, still percent-encoded, without the query. */
export function consoleTargetOf(rest: string): ConsoleTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return { kind: 'refused' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused' };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.')) return { kind: 'refused' };
  const relative = segments.join('/');
  if (relative === 'config.json') return { kind: 'config' };
  return { kind: 'file', relative: relative === '' ? CONSOLE_INDEX : relative };
}

/** The absolute file of `relative` inside `root`, or undefined if it would lie outside (defence in depth). */
export function fileInside(root: string, relative: string): string | undefined {
  const file = path.resolve(root, relative);
  return file.startsWith(`${path.resolve(root)}${path.sep}`) ? file : undefined;
}

/**
 * A path without a matching file is a route of the SPA (answered with index.html) unless its last
 * segment has an extension: then it is a missing asset, and 404.
 */
export function isSpaRoute(relative: string): boolean {
  return path.posix.extname(relative.split('/').pop() ?? '') === '';
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(relative: string): string {
  return CONTENT_TYPES[path.posix.extname(relative).toLowerCase()] ?? 'application/octet-stream';
}

/** Vite names what is under assets/ by content hash: cached for a year; everything else is revalidated. */
export function cacheControlOf(relative: string): string {
  return relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}
