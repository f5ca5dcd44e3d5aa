// Small helpers shared by the plain node:http servers of the reference backend.
import { createServer } from 'node:http';

/** Escapes a value for use as HTML text or inside a quoted attribute. */
export function escapeHtml(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Starts an HTTP server whose handler is attached later: the provider's issuer and the clients'
 * redirect URIs depend on the real ports, which are only known once every server listens (port 0).
 * @param {string} host
 * @param {number} port
 * @returns {Promise<{ server: import('node:http').Server, port: number, setHandler(h: import('node:http').RequestListener): void }>}
 */
export async function listen(host, port) {
  /** @type {import('node:http').RequestListener} */
  let handler = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handler(req, res));
  // Browsers keep connections open; without this, close() would wait for them.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { server, port: address.port, setHandler: (h) => { handler = h; } };
}

/** Closes a server and drops idle and active connections so shutdown never hangs. */
export function closeServer(server) {
  return new Promise((resolve) => {
    server.close(() => resolve(undefined));
    server.closeAllConnections();
  });
}

/**
 * Reads a request body up to a limit; larger bodies are refused rather than buffered.
 * @returns {Promise<string>}
 */
export function readBody(req, limit = 64 * 1024) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Sends a JSON response (a 204 without any body); `headers` are added to the defaults. */
export function sendJson(res, status, body, headers = {}) {
  if (status === 204) {
    res.writeHead(204, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/**
 * @template Ctx
 * @typedef {object} Route a path of an API and its handler per HTTP method
 * @property {string|RegExp} path the exact path, or a pattern whose groups are the handler's `params`
 * @property {Record<string, (ctx: Ctx, params: string[]) => unknown>} methods e.g. `{ GET: list, POST: create }`
 */

/**
 * Looks a request up in a route table: the handler for its method with the path's parameters; or, for a path
 * whose route lacks the method, the methods it has (for a 405 with Allow); undefined when no route has the
 * path (a 404). The first route whose path matches decides.
 * @template Ctx
 * @param {Route<Ctx>[]} routes
 * @param {string} path without the query
 * @param {string|undefined} method
 * @returns {{ handler: (ctx: Ctx, params: string[]) => unknown, params: string[] } | { allow: string[] } | undefined}
 */
export function findRoute(routes, path, method) {
  for (const route of routes) {
    const params = typeof route.path === 'string' ? (route.path === path ? [] : undefined) : route.path.exec(path)?.slice(1);
    if (!params) continue;
    if (method !== undefined && Object.hasOwn(route.methods, method)) return { handler: route.methods[method], params };
    return { allow: Object.keys(route.methods) };
  }
  return undefined;
}

/** Origin (scheme://host:port) of a URL string. */
export function originOf(url) {
  return new URL(url).origin;
}

/** One request log line without query strings, so no code, token or state reaches the log. */
export function logRequest(quiet, name, req, status) {
  if (quiet) return;
  const path = (req.url ?? '').split('?')[0];
  console.log(`[${name}] ${req.method} ${path} ${status}`);
}
