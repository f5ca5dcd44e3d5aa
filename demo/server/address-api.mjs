// The address part of the account API: the locality directory, the customer's addresses, and
// writes of online-services addresses with server-side validation, optimistic concurrency
// (ETag / If-Match) and idempotency keys. Roles are enforced here, never left to the widget; so are
// the token's scopes: reading needs `addresses.read`, writing `addresses.write` (api-tokens.mjs).
import { createHash } from 'node:crypto';
import { canEditAddresses, validateOnlineAddress } from './address-rules.mjs';
import { needs } from './api-tokens.mjs';
import {
  countOnlineAddresses, customerOfAccount, findCustomerAddress, insertOnlineAddress, listCustomerAddresses, updateOnlineAddress,
} from './db/addresses.mjs';
import { findIdempotentResult, storeIdempotentResult } from './db/idempotency.mjs';
import { readBody } from './http-util.mjs';
import { POSTCODE_PATTERN, findLocalities } from './localities.mjs';

/** An Idempotency-Key: 1 to 255 visible ASCII characters (a UUID is a good choice). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const etagOf = (address) => `"${address.version}"`;

/** @typedef {import('./account-api.mjs').RequestContext} RequestContext */
/** @typedef {import('./db/addresses.mjs').Customer} Customer */

/** An error answer: `{ error: code, message, ...extra }`. */
const fail = ({ reply }, status, code, message, extra = {}, headers = {}) => reply(status, { error: code, message, ...extra }, headers);

/**
 * The routes of /localities, /addresses and /addresses/{id}.
 * @param {object} deps
 * @param {import('better-sqlite3').Database} deps.db
 * @returns {import('./account-api.mjs').ApiRoute[]}
 */
export function createAddressRoutes({ db }) {
  /**
   * The account the request acts on and its customer (none for a login without an account); undefined, after a
   * 401, without a valid access token.
   * @param {RequestContext} ctx
   */
  const acting = async (ctx) => {
    const who = await ctx.actor();
    if (who === undefined) return ctx.unauthorized();
    return { who, customer: who ? customerOfAccount(db, who.accountId) : undefined };
  };

  /**
   * One of the acting customer's addresses (billing or online); another customer's is never found: a 404.
   * @param {RequestContext} ctx
   * @param {string} id
   */
  const ownAddress = async (ctx, id) => {
    const found = await acting(ctx);
    if (!found) return undefined;
    const address = found.customer ? findCustomerAddress(db, found.customer.id, id) : undefined;
    if (!address) return fail(ctx, 404, 'not_found', 'No such address.');
    return { ...found, address };
  };

  /** GET /localities?postcode=3000 @param {RequestContext} ctx */
  const localities = async (ctx) => {
    if ((await ctx.actor()) === undefined) return ctx.unauthorized();
    const postcode = new URL(ctx.req.url ?? '/', 'http://api').searchParams.get('postcode') ?? '';
    if (!POSTCODE_PATTERN.test(postcode)) {
      return fail(ctx, 400, 'invalid_postcode', 'Give a Swiss postcode of 4 digits: ?postcode=3000.');
    }
    return ctx.reply(200, { postcode, localities: findLocalities(db, postcode) });
  };

  /** GET /addresses @param {RequestContext} ctx */
  const list = async (ctx) => {
    const found = await acting(ctx);
    if (!found) return undefined;
    const { who, customer } = found;
    // Whether this token may write at all (a partner's token may not), besides what the customer's role allows.
    const writable = Boolean((await ctx.token())?.scopes.has('addresses.write'));
    if (!who || !customer) {
      return ctx.reply(200, {
        accountId: who?.accountId ?? null,
        billing: null,
        online: [],
        limits: { maxOnline: 0, canEdit: false, canAdd: false, managedBy: 'self', writable },
      });
    }
    const { billing, online } = listCustomerAddresses(db, customer.id);
    const canEdit = writable && canEditAddresses(customer, who.role);
    return ctx.reply(200, {
      accountId: who.accountId,
      billing,
      online,
      limits: {
        maxOnline: customer.maxOnline, canEdit, canAdd: canEdit && online.length < customer.maxOnline, managedBy: customer.managedBy, writable,
      },
    });
  };

  /** GET /addresses/{id} @param {RequestContext} ctx @param {string[]} params */
  const read = async (ctx, [id]) => {
    const found = await ownAddress(ctx, id);
    if (found) ctx.reply(200, found.address, { ETag: etagOf(found.address) });
  };

  /** POST /addresses @param {RequestContext} ctx */
  const create = async (ctx) => {
    const found = await acting(ctx);
    if (found) await write(ctx, found.who, found.customer, undefined);
  };

  /** PUT /addresses/{id}: an online-services address of this customer. @param {RequestContext} ctx @param {string[]} params */
  const update = async (ctx, [id]) => {
    const found = await ownAddress(ctx, id);
    if (!found) return undefined;
    if (found.address.kind === 'billing') {
      return fail(ctx, 403, 'billing_read_only', 'The billing address is changed by phone or through the customer advisor only.');
    }
    return write(ctx, found.who, found.customer, found.address);
  };

  /**
   * A write: POST /addresses (no `address`) or PUT /addresses/{id}.
   * @param {RequestContext} ctx
   * @param {import('./account-api.mjs').Actor|null} who
   * @param {Customer|undefined} customer
   * @param {any} address the address a PUT changes
   */
  async function write(ctx, who, customer, address) {
    const { req, path, reply } = ctx;
    const error = (...args) => fail(ctx, ...args);
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
  }

  return [
    { path: '/localities', methods: { GET: needs('addresses.read', localities) } },
    { path: '/addresses', methods: { GET: needs('addresses.read', list), POST: needs('addresses.write', create) } },
    { path: /^\/addresses\/([\w-]{1,64})$/, methods: { GET: needs('addresses.read', read), PUT: needs('addresses.write', update) } },
  ];
}

/** JSON with object keys sorted, so that the same content always gives the same fingerprint. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
