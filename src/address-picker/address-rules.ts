import type { AddressDraft, AddressField } from './address-api.js';

/**
 * The Swiss address rules, checked as the customer saves so that each field says at once what is wrong. The API
 * checks the same rules again (demo/server/address-rules.mjs) and answers with the same codes; its answer wins.
 */
export type FieldName = AddressField | 'services';

/** The API's per-field validation codes (see demo/openapi.yaml) that this form explains; any other is 'invalid'. */
const FIELD_ERRORS = [
  'required',
  'too_long',
  'invalid_characters',
  'name_or_company',
  'street_or_po_box',
  'house_number_without_street',
  'invalid_house_number',
  'invalid_po_box',
  'invalid_postcode',
  'unknown_postcode',
  'locality_mismatch',
] as const;
export type FieldError = (typeof FIELD_ERRORS)[number] | 'invalid';

export type FieldErrors = Partial<Record<FieldName, FieldError>>;

export const MAX_LENGTHS: Record<AddressField, number> = {
  name: 60,
  company: 60,
  coName: 60,
  street: 60,
  houseNumber: 10,
  poBox: 6,
  postcode: 4,
  locality: 40,
};

/** Letters of any script with their accents, digits, space and . , ' ’ & ( ) / + - */
const TEXT = /^[\p{L}\p{M}\p{N} .,'’&()/+-]+$/u;
/** 12, 7a, 12 B, 3-5, 14/1, 101bis */
const HOUSE_NUMBER = /^[1-9]\d{0,3} ?[a-zA-Z]{0,3}(?:[/.-][1-9]\d{0,3} ?[a-zA-Z]?)?$/;
/** The number of a PO box ("Postfach", "case postale"), without the word. */
const PO_BOX = /^[1-9]\d{0,5}$/;
export const POSTCODE = /^[1-9]\d{3}$/;

const clean = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ');
/** Locality names compared as customers type them: case and runs of spaces do not matter. */
export const sameLocality = (a: string, b: string) => clean(a).toLocaleLowerCase('de-CH') === clean(b).toLocaleLowerCase('de-CH');

/**
 * The first problem of each field. `localities` are the directory's localities for the draft's postcode, or null when
 * they could not be looked up (the API then decides).
 */
export function checkAddress(draft: AddressDraft, localities: string[] | null): FieldErrors {
  const errors: FieldErrors = {};
  // As the server reads them: cleaned first, then without a leading "c/o" in the c/o name.
  const value = (field: AddressField) => (field === 'coName' ? clean(draft.coName).replace(/^c\/o\s*/i, '') : clean(draft[field]));
  for (const field of ['name', 'company', 'coName', 'street', 'houseNumber', 'locality'] as const) {
    const text = value(field);
    if ([...text].length > MAX_LENGTHS[field]) errors[field] = 'too_long';
    else if (text && !TEXT.test(text)) errors[field] = 'invalid_characters';
  }
  const has = (field: AddressField) => value(field) !== '' && !errors[field];
  if (!value('name') && !value('company')) errors.name = 'name_or_company';
  if (!value('street') && !value('poBox')) errors.street = 'street_or_po_box';
  if (has('houseNumber')) {
    if (!value('street')) errors.houseNumber = 'house_number_without_street';
    else if (!HOUSE_NUMBER.test(value('houseNumber'))) errors.houseNumber = 'invalid_house_number';
  }
  if (value('poBox') && !PO_BOX.test(value('poBox'))) errors.poBox = 'invalid_po_box';
  const postcode = value('postcode');
  if (!postcode) errors.postcode = 'required';
  else if (!POSTCODE.test(postcode)) errors.postcode = 'invalid_postcode';
  else if (localities?.length === 0) errors.postcode = 'unknown_postcode';
  if (!value('locality')) errors.locality = 'required';
  else if (!errors.locality && !errors.postcode && localities && !localities.some((l) => sameLocality(l, value('locality')))) {
    errors.locality = 'locality_mismatch';
  }
  if (draft.services.length === 0) errors.services = 'required';
  return errors;
}

/** The API's field codes, limited to the ones this form knows how to explain. */
export function toFieldErrors(fields: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!fields || typeof fields !== 'object') return errors;
  for (const [field, code] of Object.entries(fields as Record<string, unknown>)) {
    const name = (field === 'country' ? 'postcode' : field) as FieldName;
    errors[name] = FIELD_ERRORS.includes(code as never) ? (code as FieldError) : 'invalid';
  }
  return errors;
}

/** The lines of an address as written on an envelope; the choice shows them on one line. */
export function addressLines(address: Partial<Record<AddressField, string>>, poBoxWord: string): string[] {
  return [
    address.company,
    address.name,
    address.coName && `c/o ${address.coName}`,
    [address.street, address.houseNumber].filter(Boolean).join(' '),
    address.poBox && `${poBoxWord} ${address.poBox}`,
    [address.postcode, address.locality].filter(Boolean).join(' '),
  ].filter((line): line is string => Boolean(line));
}
