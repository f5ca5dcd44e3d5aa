// The Swiss address rules the API checks on every write of an online-services address. (Who may write: every
// account of the customer, whatever its role; a company's users agree the address with its administrator.) The
// widget checks the same rules as the customer types (src/address-picker/address-rules.ts);
// test/fixtures/address-rule-cases.mjs holds the cases both must agree on.
import { ADDRESS_SERVICES } from './demo-data.mjs';
import { POSTCODE_PATTERN, findLocalities, matchLocality } from './localities.mjs';

/** Longest accepted value of each text field (characters, after trimming). */
export const ADDRESS_MAX_LENGTHS = Object.freeze({
  name: 60, company: 60, coName: 60, street: 60, houseNumber: 10, poBox: 6, postcode: 4, locality: 40,
});

/**
 * Characters accepted in the text fields: letters (any script, with accents), combining marks,
 * digits, space and . , ' ’ - / & ( ) +. No control characters, quotes, angle brackets or the like.
 */
const TEXT_CHARACTERS = /^[\p{L}\p{M}\p{N} .,'’&()/+-]+$/u;
/** 12, 7a, 12 B, 3-5, 14/1, 101bis. */
const HOUSE_NUMBER = /^[1-9]\d{0,3} ?[a-zA-Z]{0,3}(?:[/.-][1-9]\d{0,3} ?[a-zA-Z]?)?$/;
/** The number of a PO box ("case postale", "Postfach"), without the word. */
const PO_BOX = /^[1-9]\d{0,5}$/;

const TEXT_FIELDS = ['name', 'company', 'coName', 'street', 'houseNumber', 'poBox', 'postcode', 'locality'];

/**
 * @typedef {object} AddressInput a checked online-services address, ready to store
 * @property {string|null} name
 * @property {string|null} company
 * @property {string|null} coName
 * @property {string|null} street
 * @property {string|null} houseNumber
 * @property {string|null} poBox
 * @property {string} postcode
 * @property {string} locality   as the directory writes it
 * @property {'CH'} country
 * @property {string[]} services
 */

/**
 * Checks an online-services address against the Swiss address rules and the locality directory.
 * Each field gets at most one error code (see the OpenAPI document for the list).
 * @param {import('better-sqlite3').Database} db
 * @param {Record<string, unknown>} input
 * @returns {{ ok: true, value: AddressInput } | { ok: false, fields: Record<string, string> }}
 */
export function validateOnlineAddress(db, input) {
  /** @type {Record<string, string>} */
  const fields = {};
  /** @type {Record<string, string|null>} */
  const text = {};
  for (const field of TEXT_FIELDS) {
    const raw = input[field];
    if (raw === undefined || raw === null) {
      text[field] = null;
      continue;
    }
    if (typeof raw !== 'string') {
      fields[field] = 'invalid_type';
      text[field] = null;
      continue;
    }
    let value = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (field === 'coName') value = value.replace(/^c\/o\s*/i, '');
    if (value === '') {
      text[field] = null;
    } else if (field === 'postcode' || field === 'poBox') {
      text[field] = value; // checked against their patterns below
    } else if ([...value].length > ADDRESS_MAX_LENGTHS[field]) {
      fields[field] = 'too_long';
      text[field] = null;
    } else if (!TEXT_CHARACTERS.test(value)) {
      fields[field] = 'invalid_characters';
      text[field] = null;
    } else {
      text[field] = value;
    }
  }
  const failed = (field) => fields[field] !== undefined;

  if (!text.name && !text.company && !failed('name') && !failed('company')) fields.name = 'name_or_company';
  if (!text.street && !text.poBox && !failed('street') && !failed('poBox')) fields.street = 'street_or_po_box';
  if (text.houseNumber && !failed('houseNumber')) {
    // No street given (empty, also when that is why the street itself is refused): the widget says the same.
    const noStreet = !text.street && (!failed('street') || fields.street === 'street_or_po_box');
    if (noStreet) fields.houseNumber = 'house_number_without_street';
    else if (!HOUSE_NUMBER.test(text.houseNumber)) fields.houseNumber = 'invalid_house_number';
  }
  if (text.poBox && !PO_BOX.test(text.poBox)) fields.poBox = 'invalid_po_box';

  let locality = text.locality;
  if (!failed('postcode')) {
    if (!text.postcode) fields.postcode = 'required';
    else if (!POSTCODE_PATTERN.test(text.postcode)) fields.postcode = 'invalid_postcode';
    else if (findLocalities(db, text.postcode).length === 0) fields.postcode = 'unknown_postcode';
  }
  if (!failed('locality')) {
    if (!text.locality) fields.locality = 'required';
    else if (!failed('postcode')) {
      locality = matchLocality(db, text.postcode, text.locality) ?? null;
      if (!locality) fields.locality = 'locality_mismatch';
    }
  }

  const country = input.country;
  if (!(country === undefined || country === null || (typeof country === 'string' && country.trim().toUpperCase() === 'CH'))) {
    fields.country = 'unsupported_country';
  }

  /** @type {string[]} */
  let services = [];
  const rawServices = input.services;
  if (rawServices === undefined || rawServices === null || (Array.isArray(rawServices) && rawServices.length === 0)) {
    fields.services = 'required';
  } else if (!Array.isArray(rawServices) || !rawServices.every((s) => ADDRESS_SERVICES.includes(/** @type {string} */ (s)))) {
    fields.services = 'invalid_services';
  } else {
    services = ADDRESS_SERVICES.filter((service) => rawServices.includes(service));
  }

  if (Object.keys(fields).length) return { ok: false, fields };
  return {
    ok: true,
    value: {
      name: text.name,
      company: text.company,
      coName: text.coName,
      street: text.street,
      houseNumber: text.houseNumber,
      poBox: text.poBox,
      postcode: /** @type {string} */ (text.postcode),
      locality: /** @type {string} */ (locality),
      country: 'CH',
      services,
    },
  };
}
