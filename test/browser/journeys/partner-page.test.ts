import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ACCOUNTS, clearStorage } from '../support.js';

/**
 * The partner set-up: another origin and site (127.0.0.1), the built one-script bundle (dist/cdn), a strict CSP
 * (`script-src 'self'`, `style-src 'self'`, no unsafe-inline/eval, Trusted Types required) and a real sign-in.
 */
interface PartnerJourney {
  name: string;
  listbox: { text: string; positioned: boolean };
  picker: { value: string; formValue: string | null; text: string };
  loginLang: string;
  url: string;
  violations: string[];
  reports: unknown[];
  consoleErrors: string[];
}

interface FirstPaintJourney {
  before: { text: string; help: string; readyEvents: number; chunk: { requested: boolean; delivered: boolean } };
  after: { help: string; chunk: { requested: boolean; delivered: boolean } };
}

describe('the one-script embed on a partner page under a strict CSP', () => {
  beforeEach(clearStorage);

  it('signs in and chooses an address with no CSP violation reported', async () => {
    const result = (await executeServerCommand('partner-journey', ACCOUNTS.anna)) as PartnerJourney;
    expect(result.name).to.contain('Anna Muster');
    expect(result.loginLang, 'the partner page is French').to.equal('fr');
    expect(new URL(result.url).search).to.equal('');
    // The address picker, registered by the bundle when the page uses it, in the page's language.
    expect(result.picker.text).to.contain('Adresse de facturation').and.contain('Kramgasse 12');
    expect(result.listbox.text).to.contain('Länggassstrasse 7a');
    expect(result.listbox.positioned, 'the list is positioned next to the combobox').to.equal(true);
    expect(result.picker.value).to.equal('e1b2c3d4-0002-4000-8000-000000000002');
    expect(result.picker.formValue).to.equal(result.picker.value);
    expect(result.violations).to.deep.equal([]);
    expect(result.reports).to.deep.equal([]);
    expect(result.consoleErrors).to.deep.equal([]);
  });

  it('paints the mask in the page language before its language chunk has arrived', async () => {
    const result = (await executeServerCommand('partner-first-paint')) as FirstPaintJourney;
    // The French chunk was asked for and held back: the mask painted from the one script alone.
    expect(result.before.chunk).to.deep.equal({ requested: true, delivered: false });
    expect(result.before.text).to.contain('Login client').and.contain('Se connecter avec SwissID');
    expect(result.before.text).to.contain('Login client Poste').and.contain('pas encore rattaché à SwissID');
    expect(result.before.readyEvents, 'ready waits for every string').to.equal(0);
    // The help opens at once with its title; its text follows with the chunk.
    expect(result.before.help).to.contain('Aide pour la connexion');
    expect(result.before.help).not.to.contain('Pourquoi SwissID');
    expect(result.after.chunk.delivered).to.equal(true);
    expect(result.after.help).to.contain('Pourquoi SwissID').and.contain('0848 99 88 00');
  });
});
