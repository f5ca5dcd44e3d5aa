// Static file servers for the demo site (localhost) and the partner page (127.0.0.1, another site):
// pages plus the CDN build at /cdn/, under the strict policy the widgets must work with.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { logRequest, readBody } from './http-util.mjs';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The page policy: only own scripts and styles, Trusted Types enforced, network only to the own
 * origin, SwissID, the account API and the older Post login; framed only by the site's own pages.
 * @param {{ swissidOrigin: string, apiOrigin: string, postLoginOrigin?: string }} origins
 */
export function pageCsp({ swissidOrigin, apiOrigin, postLoginOrigin }) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${swissidOrigin} ${apiOrigin}${postLoginOrigin ? ` ${postLoginOrigin}` : ''}`,
    "frame-ancestors 'self'",
    "require-trusted-types-for 'script'",
    'report-uri /csp-report',
  ].join('; ');
}

/**
 * @param {object} options
 * @param {string} options.name label in request logs
 * @param {string} options.rootDir folder served at /
 * @param {string} options.cdnDir folder served at /cdn/
 * @param {string} options.csp Content-Security-Policy for HTML answers
 * @param {object[]} options.cspReports violation reports are pushed here
 * @param {string[]} [options.notFound] every path answered 404 is pushed here (`name path`), for the tests
 * @param {Record<string, string>} [options.placeholders] `{{NAME}}` in HTML pages is replaced by the value (the
 *   backend's configurable URLs), so that the pages show the embed code exactly as a site would write it
 * @param {boolean} [options.quiet]
 * @returns {import('node:http').RequestListener}
 */
export function createStaticSite({ name, rootDir, cdnDir, csp, cspReports, notFound = [], placeholders = {}, quiet }) {
  const common = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  const done = (req, res, status, headers = {}, body = '') => {
    res.writeHead(status, { ...common, ...headers });
    res.end(body);
    logRequest(quiet, name, req, status);
  };

  return async function staticSite(req, res) {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      done(req, res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad request');
      return;
    }

    if (path === '/csp-report') {
      if (req.method !== 'POST') {
        done(req, res, 405, { Allow: 'POST' });
        return;
      }
      try {
        cspReports.push(JSON.parse(await readBody(req, 64 * 1024)));
      } catch {
        // A malformed report is dropped: it must never break the page that sent it.
      }
      done(req, res, 204);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      done(req, res, 405, { Allow: 'GET, HEAD' });
      return;
    }

    const file = path.startsWith('/cdn/')
      ? inside(cdnDir, path.slice('/cdn/'.length))
      : inside(rootDir, path.endsWith('/') ? `${path}index.html` : path);
    const info = file && await stat(file).catch(() => undefined);
    if (!file || !info?.isFile()) {
      notFound.push(`${name} ${path}`);
      done(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found');
      return;
    }

    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) {
      const page = (await readFile(file, 'utf8')).replace(/\{\{(\w+)\}\}/g, (match, key) => placeholders[key] ?? match);
      // X-Frame-Options for browsers without frame-ancestors.
      done(req, res, 200, { 'Content-Type': type, 'Content-Security-Policy': csp, 'X-Frame-Options': 'SAMEORIGIN' }, req.method === 'HEAD' ? '' : page);
      return;
    }
    const headers = { ...common, 'Content-Type': type, 'Content-Length': info.size };
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    logRequest(quiet, name, req, 200);
  };
}

/** Resolves a request path inside a folder, or undefined when it would leave the folder. */
function inside(dir, requestPath) {
  if (requestPath.includes('\0')) return undefined;
  const root = resolve(dir);
  const file = resolve(join(root, requestPath));
  return file.startsWith(root + sep) ? file : undefined;
}
