import { expect } from '@open-wc/testing';
import { checkAddress } from '../../../src/address-picker/address-rules.js';
import { ADDRESS_RULE_CASES, LOCALITIES, VALID_ADDRESS } from '../../fixtures/address-rule-cases.mjs';

/**
 * The shared address-rule cases (test/fixtures/address-rule-cases.mjs) through the widget's own check, with the
 * postcode's localities as the widget would have looked them up. The API is held to the same cases in
 * test/backend/address-rules.test.mjs, so the two sides cannot drift apart unnoticed.
 */
type Draft = Parameters<typeof checkAddress>[0];

describe('address rules in the widget (the cases the API shares)', () => {
  for (const { title, change, errors } of ADDRESS_RULE_CASES) {
    it(`${Object.keys(errors).length ? 'refuses' : 'accepts'} ${title}`, () => {
      const draft = { id: 'e1b2c3d4-0002-4000-8000-000000000002', version: 1, ...VALID_ADDRESS, ...change } as Draft;
      // The widget looks up the localities of a well-formed postcode only.
      const postcode = draft.postcode.trim();
      const localities = /^[1-9]\d{3}$/.test(postcode) ? LOCALITIES[postcode] : null;
      expect(checkAddress(draft, localities)).to.deep.equal(errors);
    });
  }
});
