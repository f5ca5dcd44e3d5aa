// The address part of the account API: the locality directory, the customer's addresses, and
// writes of online-services addresses with server-side validation, optimistic concurrency
// (ETag / If-Match) and idempotency keys. Roles are enforced here, never left to the widget.
import { createHash } from 'node:crypto';
import { canEditAddresses, validateOnlineAddress } from './address-rules.mjs';
import {
  countOnlineAddresses, customerOfAccount, findCustomerAddress, insertOnlineAddress, listCustomerAddresses, updateOnlineAddress,
} from './db/addresses.mjs';
import { findIdempotentResult, storeIdempotentResult } from './db/idempotency.mjs';
import { readBody } from './http-util.mjs';
import { POSTCODE_PATTERN, findLocalities } from './localities.mjs';

/** An Idempotency-Key: 1 to 255 visible ASCII characters (a UUID is a good choice). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const ADDRESS_PATH = /^\/addresses\/([\w-]{1,64})$/;

const etagOf = (address) => `"${address.version}"`;

/** The paths this part of the API answers: /localities, /addresses and everything below it. */
export function isAddressPath(path) {
  return path === '/localities' || path === '/addresses' || path.startsWith('/addresses/');
}

/**
 * @typedef {object} Actor the customer account a request acts on (the one `GET /me` describes)
 * @property {string} accountId
 * @property {'customer'|'superadmin'|'user'} role
 */

/**
 * @param {object} deps
 * @param {import('better-sqlite3').Database} deps.db
 * @returns {(ctx: {
 *   req: import('node:http').IncomingMessage, path: string,
 *   actor: () => Promise<Actor|null|undefined>,
 *   reply: (status: number, body: unknown, headers?: Record<string, string>) => void,
 *   unauthorized: () => void, methodNotAllowed: (methods: string) => void,
 * }) => Promise<void>} answers a request to a path for which isAddressPath() is true
 */
export function createAddressRoutes({ db }) {
  return async function addressRoutes({ req, path, actor, reply, unauthorized, methodNotAllowed }) {
    const addressMatch = ADDRESS_PATH.exec(path);

    const error = (status, code, message, extra = {}, headers = {}) => reply(status, { error: code, message, ...extra }, headers);

    if (path === '/localities') {
      if (req.method !== 'GET') return methodNotAllowed('GET');
      if ((await actor()) === undefined) return unauthorized();
      const postcode = new URL(req.url ?? '/', 'http://api').searchParams.get('postcode') ?? '';
      if (!POSTCODE_PATTERN.test(postcode)) {
        return error(400, 'invalid_postcode', 'Give a Swiss postcode of 4 digits: ?postcode=3000.');
      }
      return reply(200, { postcode, localities: findLocalities(db, postcode) });
    }

    if (!addressMatch && path !== '/addresses') return error(404, 'not_found', 'No such resource.');
    if (path === '/addresses' && req.method !== 'GET' && req.method !== 'POST') return methodNotAllowed('GET, POST');
    if (addressMatch && req.method !== 'GET' && req.method !== 'PUT') return methodNotAllowed('GET, PUT');

    const who = await actor();
    if (who === undefined) return unauthorized();
    const customer = who && customerOfAccount(db, who.accountId);

    // GET /addresses
    if (path === '/addresses' && req.method === 'GET') {
      if (!who || !customer) {
        return reply(200, {
          accountId: who?.accountId ?? null,
          billing: null,
          online: [],
          limits: { maxOnline: 0, canEdit: false, canAdd: false, managedBy: 'self' },
        });
      }
      const { billing, online } = listCustomerAddresses(db, customer.id);
      const canEdit = canEditAddresses(customer, who.role);
      return reply(200, {
        accountId: who.accountId,
        billing,
        online,
        limits: { maxOnline: customer.maxOnline, canEdit, canAdd: canEdit && online.length < customer.maxOnline, managedBy: customer.managedBy },
      });
    }

    // GET/PUT /addresses/{id}: only the customer's own addresses exist for it.
    const address = addressMatch && customer ? findCustomerAddress(db, customer.id, addressMatch[1]) : undefined;
    if (addressMatch && !address) return error(404, 'not_found', 'No such address.');
    if (address && req.method === 'GET') return reply(200, address, { ETag: etagOf(address) });
    if (address?.kind === 'billing') {
      return error(403, 'billing_read_only', 'The billing address is changed by phone or through the customer advisor only.');
    }

    // Writes: POST /addresses, PUT /addresses/{id} (an online-services address of this customer).
    if (!who || !customer) return error(403, 'no_customer_account', 'This login has no customer account to keep addresses on.');
    const accountId = who.accountId;
    if (!canEditAddresses(customer, who.role)) {
      return error(403, 'administrator_only', "Only an administrator of the company changes the company's addresses (company data → address).");
    }

    let expectedVersion;
    if (address) {
      const ifMatch = String(req.headers['if-match'] ?? '').trim();
      if (ifMatch === '' || ifMatch === '*') {
        return error(428, 'precondition_required', 'Send If-Match with the ETag of the address you changed.');
      }
      // Strong entity tags only; a weak one (W/"…") never matches.
      expectedVersion = [...ifMatch.matchAll(/(^|,)\s*"(\d{1,9})"\s*(?=,|$)/g)].map((m) => Number(m[2]));
    }

    const keyHeader = req.headers['idempotency-key'];
    const key = typeof keyHeader === 'string' ? keyHeader.trim() : undefined;
    if (key === undefined || key === '') {
      if (!address) return error(400, 'idempotency_key_required', 'Send an Idempotency-Key header (e.g. a UUID) with every create.');
    } else if (!IDEMPOTENCY_KEY.test(key)) {
      return error(400, 'invalid_idempotency_key', 'An Idempotency-Key is 1 to 255 visible ASCII characters.');
    }

    let text;
    try {
      text = await readBody(req, 16 * 1024);
    } catch (failure) {
      if (failure?.status === 413) return error(413, 'payload_too_large', 'The request body is too large.');
      throw failure;
    }
    let input;
    try {
      input = JSON.parse(text);
    } catch {
      input = undefined;
    }
    const validBody = input !== null && typeof input === 'object' && !Array.isArray(input);
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([req.method, path, address ? req.headers['if-match'] ?? '' : '', validBody ? canonical(input) : text]))
      .digest('base64url');

    // A retry of a write that succeeded: the same answer, nothing done twice.
    if (key) {
      const earlier = findIdempotentResult(db, accountId, key);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          // `earlier` is what that request stored: a client whose answer was lost learns the address exists.
          return error(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request.', { earlier: earlier.body });
        }
        return reply(earlier.status, earlier.body, { ...(earlier.etag ? { ETag: earlier.etag } : {}), 'Idempotent-Replayed': 'true' });
      }
    }

    // Preconditions before the content: a stale write is refused whatever it contains.
    if (address && !expectedVersion?.includes(address.version)) {
      return error(412, 'version_mismatch', 'The address was changed in the meantime; here is the current one.', { current: address }, { ETag: etagOf(address) });
    }

    if (!validBody) return error(400, 'invalid_request', 'Send the address as a JSON object.');
    const checked = validateOnlineAddress(db, input);
    if (!checked.ok) {
      return error(422, 'validation', 'Some fields are not a valid Swiss address.', { fields: checked.fields });
    }

    // Limit, write and the stored result in one transaction.
    const outcome = db.transaction(() => {
      if (!address) {
        if (countOnlineAddresses(db, customer.id) >= customer.maxOnline) return { status: 409 };
        const created = insertOnlineAddress(db, customer.id, checked.value);
        const result = { fingerprint, status: 201, body: created, etag: etagOf(created) };
        if (key) storeIdempotentResult(db, accountId, key, result);
        return result;
      }
      const updated = updateOnlineAddress(db, customer.id, address.id, address.version, checked.value);
      if (!updated) return { status: 412, current: findCustomerAddress(db, customer.id, address.id) };
      const result = { fingerprint, status: 200, body: updated, etag: etagOf(updated) };
      if (key) storeIdempotentResult(db, accountId, key, result);
      return result;
    }).immediate();

    if (outcome.status === 409) {
      return error(409, 'limit_reached', `This account may have ${customer.maxOnline} online-services address(es); customer service can register several for some services.`,
        { maxOnline: customer.maxOnline });
    }
    if (outcome.status === 412) {
      return error(412, 'version_mismatch', 'The address was changed in the meantime; here is the current one.', { current: outcome.current }, { ETag: etagOf(outcome.current) });
    }
    const body = /** @type {{ id: string }} */ (outcome.body);
    return reply(outcome.status, body, {
      ETag: /** @type {string} */ (outcome.etag),
      ...(outcome.status === 201 ? { Location: `/addresses/${body.id}` } : {}),
    });
  };
}

/** JSON with object keys sorted, so that the same content always gives the same fingerprint. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
