// Test-only fault injection in front of the real account API, so browser tests can prove how the
// widgets live with a failing network: a 500, a body that is not JSON or not the expected shape (or a given one), a
// slow answer, a connection reset before the API sees the request, and a lost answer after the API
// stored the write (which only an idempotency key makes safe to retry). Off until a test calls
// set(); the CLI never turns it on. Preflights (OPTIONS) always reach the real API. A rule hits
// `times` matching requests (default 1), then it is spent; the first unspent matching rule wins,
// so a list of rules is a sequence. While rules are set, every answer closes its connection and
// set() closes idle ones: browsers silently resend a request whose reused keep-alive connection
// failed, and such a resend would hide the fault from the test. Chromium also counts a socket it
// opened ahead of time as reused, so a resend can still happen: a test that must see a 'reset' or
// a 'drop-response' gives it `times: 2` and clears what is left before it goes on.
import { cors } from './account-api.mjs';

export const API_FAULTS = Object.freeze(['status-500', 'malformed-json', 'wrong-shape', 'body', 'delay', 'reset', 'drop-response']);

/**
 * @typedef {object} ApiFaultRule
 * @property {string} [method] e.g. 'POST'; any method when absent
 * @property {string} path an exact path ('/me'), or a pattern where '*' stands for any characters, '/' included:
 *   '/accounts/*' (everything under /accounts/), '/accounts/' + '*' + '/addresses' (every account's address list)
 * @property {'status-500'|'malformed-json'|'wrong-shape'|'body'|'delay'|'reset'|'drop-response'} fault
 * @property {unknown} [body] what 'body' answers (as JSON), e.g. localities of a wrong shape
 * @property {number} [status] the status 'body' answers with (default 200)
 * @property {number} [times] matching requests it hits before it is spent (default 1)
 * @property {number} [ms] how long 'delay' waits before the real API answers (default 20000)
 */

/**
 * @typedef {object} ApiFaults
 * @property {import('node:http').RequestListener} handler the real handler, with the faults in front
 * @property {(rules: ApiFaultRule|ApiFaultRule[]) => void} set replaces the rules
 * @property {() => void} clear no faults any more
 */

/**
 * @param {import('node:http').RequestListener} handler the real account API
 * @param {{ allowedOrigins: () => Set<string>, closeIdleConnections?: () => void }} deps
 * @returns {ApiFaults}
 */
export function installApiFaults(handler, { allowedOrigins, closeIdleConnections }) {
  /** @type {(ApiFaultRule & { left: number })[] | null} */
  let rules = null;

  const take = (req) => {
    const path = (req.url ?? '/').split('?')[0];
    const rule = rules?.find((r) => r.left > 0 && (!r.method || r.method.toUpperCase() === req.method) && pathPattern(r.path).test(path));
    if (rule) rule.left -= 1;
    return rule;
  };

  /** @type {import('node:http').RequestListener} */
  function faultyApi(req, res) {
    if (rules) res.setHeader('Connection', 'close');
    const rule = req.method === 'OPTIONS' ? undefined : take(req);
    if (!rule) return handler(req, res);

    // Answered here with the CORS headers of the real API, so the browser sees this answer and not a CORS failure.
    const answer = (status, text) => {
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
        'Cache-Control': 'no-store',
        ...cors(req.headers.origin, allowedOrigins()),
      });
      res.end(text);
    };
    switch (rule.fault) {
      case 'status-500':
        return answer(500, JSON.stringify({ error: 'internal_error' }));
      case 'malformed-json':
        return answer(200, '{"billing": {"id": ');
      case 'wrong-shape':
        return answer(200, JSON.stringify({ billing: 42, online: 'none' }));
      case 'body':
        return answer(rule.status ?? 200, JSON.stringify(rule.body ?? null));
      case 'reset':
        req.socket.resetAndDestroy();
        return undefined;
      case 'delay': {
        const timer = setTimeout(() => handler(req, res), rule.ms ?? 20_000);
        // A client that gave up is not served later: its write must not land in the middle of the next test.
        res.once('close', () => clearTimeout(timer));
        return undefined;
      }
      case 'drop-response': {
        // The real API does everything, stores included; only its answer never reaches the wire.
        res.writeHead = () => res;
        res.write = () => true;
        res.end = () => {
          req.socket.destroy();
          return res;
        };
        return handler(req, res);
      }
      default:
        throw new Error(`unknown API fault ${rule.fault}`);
    }
  }

  return {
    handler: faultyApi,
    set(next) {
      const list = Array.isArray(next) ? next : [next];
      for (const rule of list) {
        if (typeof rule?.path !== 'string' || !API_FAULTS.includes(rule.fault)) {
          throw new Error(`an API fault rule needs a path and one of the faults ${API_FAULTS.join(', ')}: ${JSON.stringify(rule)}`);
        }
      }
      rules = list.map((rule) => ({ ...rule, left: rule.times ?? 1 }));
      closeIdleConnections?.();
    },
    clear() {
      rules = null;
    },
  };
}

/** A rule's path as a pattern: '*' is any characters ('/' too), everything else itself. */
function pathPattern(path) {
  const parts = path.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}
