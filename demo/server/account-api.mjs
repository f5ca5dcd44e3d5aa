// The Post account API: who is signed in, looked up from the access token the SwissID stand-in issued.
import { findAccountById } from './database.mjs';
import { logRequest, sendJson } from './http-util.mjs';

const ALLOWED_HEADERS = 'Authorization, Content-Type, If-Match, Idempotency-Key';
const ALLOWED_METHODS = 'GET, POST, PUT, OPTIONS';

/**
 * @param {object} deps
 * @param {import('oidc-provider').default} deps.provider
 * @param {import('better-sqlite3').Database} deps.db
 * @param {() => Set<string>} deps.allowedOrigins exact browser origins (scheme://host:port)
 * @param {() => Set<string>} deps.clientIds clients whose tokens this API accepts
 * @param {boolean} [deps.quiet]
 * @returns {import('node:http').RequestListener}
 */
export function createAccountApi({ provider, db, allowedOrigins, clientIds, quiet }) {
  return async function accountApi(req, res) {
    const corsHeaders = cors(req.headers.origin, allowedOrigins());
    const path = (req.url ?? '/').split('?')[0];
    const reply = (status, body, headers = {}) => {
      sendJson(res, status, body, { ...corsHeaders, ...headers });
      logRequest(quiet, 'api', req, status);
    };
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...corsHeaders, 'Access-Control-Max-Age': '600' });
        res.end();
        logRequest(quiet, 'api', req, 204);
        return;
      }
      if (path === '/health' && req.method === 'GET') {
        reply(200, { ok: true });
        return;
      }
      if (path === '/me') {
        if (req.method !== 'GET') {
          reply(405, { error: 'method_not_allowed', message: 'Use GET.' }, { Allow: 'GET, OPTIONS' });
          return;
        }
        const account = await accountFromToken(req.headers.authorization, { provider, db, clientIds: clientIds() });
        if (!account) {
          reply(401, { error: 'invalid_token', message: 'The access token is missing, expired or not valid.' },
            { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
          return;
        }
        reply(200, {
          sub: account.id,
          name: account.name,
          email: account.email,
          accountType: account.accountType,
          role: account.role,
          company: account.company,
          login: 'swissid',
        });
        return;
      }
      reply(404, { error: 'not_found', message: 'No such resource.' });
    } catch {
      // Never a stack trace (or anything from the request) in the answer.
      reply(500, { error: 'server_error', message: 'The account service failed. Please try again.' });
    }
  };
}

/** CORS headers for an allowed origin only; any other origin gets none and the browser blocks it. */
function cors(origin, allowed) {
  const headers = { Vary: 'Origin' };
  if (typeof origin !== 'string' || !allowed.has(origin)) return headers;
  return {
    ...headers,
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Expose-Headers': 'ETag, WWW-Authenticate',
  };
}

async function accountFromToken(authorization, { provider, db, clientIds }) {
  const match = /^Bearer ([\w.~+/-]+=*)$/.exec(String(authorization ?? ''));
  if (!match) return undefined;
  // find() returns nothing for unknown, revoked or expired tokens. A DPoP-bound token is refused:
  // this API checks no proof of possession, so such a token must not work as a plain bearer token.
  const token = await provider.AccessToken.find(match[1]);
  if (!token || token.isExpired || token.isSenderConstrained() || !clientIds.has(token.clientId)) return undefined;
  return findAccountById(db, token.accountId);
}
