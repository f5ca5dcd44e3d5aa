import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  ADDRESS_FIELDS,
  ADDRESS_SERVICES,
  loadAddresses,
  loadLocalities,
  saveAddress,
  toAddress,
  type Address,
  type AddressBook,
  type AddressDraft,
  type AddressField,
  type AddressService,
} from './address-api.js';
import { isPostLoginError } from '../core/errors.js';
import { HttpError } from '../core/http.js';
import { LocaleController } from '../core/locale.js';
import { LoginWatcher } from '../core/login-watcher.js';
import { signedInProfile, type SignInMethod } from '../core/page-login.js';
import { addressPickerDictionaries } from '../i18n/address-picker.js';
import type { AddressPickerMessages } from '../i18n/address-picker.en.js';
import { AddressPickerErrorEvent, AddressPickerSaveEvent, type AddressErrorCode } from './address-picker.events.js';
import { styles } from './address-picker.styles.js';
import { MAX_LENGTHS, POSTCODE, addressLines, checkAddress, sameLocality, toFieldErrors, type FieldErrors } from './address-rules.js';
import { ComboboxController } from './combobox.js';

type MessageKey = keyof AddressPickerMessages;

/** Everything the picker shows. It comes from the account API, or from `preview` in design reviews. */
export interface AddressPickerView {
  status: 'signed-out' | 'loading' | 'ready' | 'load-error';
  book: AddressBook;
  /** The address being edited or added; kept through every failure until it is saved or cancelled. */
  draft: AddressDraft | null;
  fieldErrors: FieldErrors;
  /** The directory's localities for the draft's postcode (null: not looked up). */
  localities: string[] | null;
  saving: boolean;
  error: AddressErrorCode | null;
  /** The version saved by someone else meanwhile (after a 412). */
  conflict: Address | null;
  saved: boolean;
}

const INITIAL_STATE: AddressPickerView = {
  status: 'signed-out',
  book: { billing: null, online: [], limits: { maxOnline: 0, canEdit: false, canAdd: false } },
  draft: null,
  fieldErrors: {},
  localities: null,
  saving: false,
  error: null,
  conflict: null,
  saved: false,
};

type Autocomplete = 'name' | 'organization' | 'off' | 'postal-code' | 'address-level2';

/** How the form asks for each field: its autocomplete token and the row it shares. */
const FORM_ROWS: Array<Array<[AddressField, Autocomplete]>> = [
  [['name', 'name']],
  [['company', 'organization']],
  [['coName', 'off']],
  [
    ['street', 'off'],
    ['houseNumber', 'off'],
  ],
  [['poBox', 'off']],
  [
    ['postcode', 'postal-code'],
    ['locality', 'address-level2'],
  ],
];

function errorCode(error: unknown): AddressErrorCode {
  if (isPostLoginError(error)) return error.code === 'provider_unreachable' ? 'unreachable' : 'session_expired';
  if (!(error instanceof HttpError)) return 'malformed';
  if (error.failure === 'network') return 'unreachable';
  if (error.failure === 'unauthorized') return 'session_expired';
  if (error.failure === 'timeout' || error.failure === 'malformed') return error.failure;
  if (error.code === 'limit_reached' || error.code === 'administrator_only' || error.code === 'validation') {
    return error.code;
  }
  return error.status === 412 ? 'conflict' : 'server';
}

/** The name of each service in the dictionaries. */
const SERVICE_KEYS: Record<AddressService, MessageKey> = {
  forwarding: 'serviceForwarding',
  'po-box': 'servicePoBox',
  'sub-address': 'serviceSubAddress',
  'power-of-attorney': 'servicePowerOfAttorney',
};

/** Where focus goes when the choice is shown again: the combobox, else "add", else the picker itself. */
const FOCUS_CHOICE = ['[role=combobox]', '[part~="add-button"]', '.picker'];

const storageKey = (id: string) => `address-picker:draft:${id}`;

/** What waits in sessionStorage while the customer signs in again. */
interface StoredDraft {
  sub: string;
  draft: AddressDraft;
  idempotencyKey: string;
}

/**
 * Shows the customer's billing address (read-only, with how to change it) and lets them choose, edit or add the
 * online-services address for one service, with the Swiss address rules. Inside a host `<form>` it submits the chosen
 * address id under its `name`, and takes part in validation, reset and disabling like a native field. It uses the
 * session of the page's `<post-login>` (the one named by `for`, else the first on the page) for its API calls.
 *
 * @summary Billing address and online-services addresses.
 *
 * @fires change - The customer chose another address (`value` is its id).
 * @fires input - The customer chose another address.
 * @fires address-picker-save - An online-services address was saved; `addressId`, `created`.
 * @fires address-picker-error - Loading or saving failed; `code` says why, `action` is `load` or `save`.
 *
 * @csspart billing - The billing address and how to change it.
 * @csspart combobox - The button that shows the chosen address and opens the list.
 * @csspart listbox - The list of addresses.
 * @csspart edit-button - "Edit address".
 * @csspart add-button - "Add address".
 * @csspart form - The form to edit or add an address.
 * @csspart save-button - "Save address".
 * @csspart cancel-button - "Cancel" in the form.
 * @csspart conflict - Both versions after a conflicting change, with the choice.
 * @csspart keep-mine-button - "Keep my version" after a conflict.
 * @csspart keep-saved-button - "Use the saved version" after a conflict.
 * @csspart message - Errors (an alert region).
 * @csspart status - Progress and confirmations (a status region).
 *
 * @cssprop [--post-color-surface=#f4f3f1] - Background of the billing address.
 * @cssprop [--post-color-error=#a51728] - Field errors.
 */
@customElement('address-picker')
export class AddressPicker extends LitElement {
  static override styles = styles;
  static formAssociated = true;

  /** The id of the `<post-login>` whose session to use; the first `<post-login>` on the page when empty. */
  @property() for = '';

  /** The online service the address is chosen for. */
  @property() service: AddressService = 'forwarding';

  /** The field name under which a host `<form>` submits the chosen address id. */
  @property({ reflect: true }) name = '';

  /** The chosen address id; the `value` attribute is the one a form reset returns to. */
  @property()
  get value(): string {
    return this.chosenId;
  }

  set value(id: string) {
    const old = this.chosenId;
    this.chosenId = id ?? '';
    this.requestUpdate('value', old);
    this.syncForm(); // like a native field: the form sees the new value at once, also inside `change` listeners
  }

  /** A host form cannot be submitted without a choice. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** No choice and no editing (also when a surrounding `<fieldset>` is disabled). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The level of the picker's headings (billing address, the form, a conflict), to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** How long to wait for the account API, in milliseconds. */
  @property({ type: Number }) timeout = 15_000;

  /** Overrides for any visible or assistive string (keys as in `src/i18n/address-picker.en.ts`); `text-*` attributes work too. */
  @property({ attribute: false }) texts: Partial<AddressPickerMessages> = {};

  /** Shows a fixed state for design reviews (Storybook); nothing is loaded or saved. Never set it on a live page. */
  @property({ attribute: false }) preview: Partial<AddressPickerView> | null = null;

  private chosenId = '';
  private readonly internals = this.attachInternals();
  private readonly locale = new LocaleController<AddressPickerMessages>(this, addressPickerDictionaries);
  private readonly watcher = new LoginWatcher(this, (event) => {
    // A deliberate sign-out (here or in another tab) takes the customer's data with it; an expiry keeps the edit.
    if (event === 'post-login-sign-out') this.forget();
    void this.load();
  });
  private readonly combobox = new ComboboxController(this, {
    trigger: () => this.renderRoot.querySelector<HTMLElement>('[role=combobox]'),
    panel: () => this.renderRoot.querySelector<HTMLElement>('[role=listbox]'),
    options: () => this.choices().map((address) => this.line(address)),
    selected: () => this.choices().findIndex((address) => address.id === this.value),
    choose: (index) => this.choose(this.choices()[index]?.id ?? ''),
  });
  private state: AddressPickerView = { ...INITIAL_STATE };
  /** Counts loads: only the newest may change the picker. */
  private loads = 0;
  /** Counts the customers seen: a save answered after the customer left changes nothing. */
  private customers = 0;
  /** The customer (`sub`) whose addresses are loading or shown. */
  private requested = '';
  /** The customer (`sub`) whose addresses are shown, and the login they used. */
  private customer: { sub: string; method: SignInMethod } | null = null;
  private formDisabled = false;
  /** The host form was submitted without a choice: say so next to the field. */
  private showInvalid = false;
  /**
   * One key per edit, kept through retries (also across a sign-in by redirect) and renewed after a success: a save
   * whose answer was lost is never stored twice, even when the customer changed the form before saving again.
   */
  private idempotencyKey = '';
  /** Selectors, in order of preference, of what gets focus after the next render. */
  private focusTarget: string[] | null = null;

  constructor() {
    super();
    this.addEventListener('invalid', () => {
      this.showInvalid = true;
      this.requestUpdate();
    });
  }

  /** The host form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  override focus(options?: FocusOptions): void {
    this.first('[role=combobox]', 'input, select', 'button')?.focus(options);
  }

  formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
    this.showInvalid = false;
    this.combobox.announced = false; // the status region announces the customer's own choices only
    this.requestUpdate(); // the value may be unchanged; the missing-choice message must still go
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: string | null): void {
    this.value = state ?? '';
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  private t(key: MessageKey, values?: Record<string, string>): string {
    return this.locale.t(key, values);
  }

  private view(): AddressPickerView {
    return this.preview ? { ...this.state, ...this.preview } : this.state;
  }

  private set(changes: Partial<AddressPickerView>, focus: string[] | null = null): void {
    this.state = { ...this.state, ...changes };
    if (focus) this.focusTarget = focus;
    this.requestUpdate();
  }

  /** The first element found for the first selector that finds one (not the first in document order). */
  private first(...selectors: string[]): HTMLElement | null {
    for (const selector of selectors) {
      const found = this.renderRoot.querySelector<HTMLElement>(selector);
      if (found) return found;
    }
    return null;
  }

  /** Forgets the customer: their edit (also the stored copy), their addresses and their choice. */
  private forget(): void {
    this.discardDraft();
    this.customer = null;
    this.requested = '';
    this.loads++; // an answer still on its way is not for whoever comes next
    this.customers++;
    this.state = { ...INITIAL_STATE };
    this.value = this.getAttribute('value') ?? '';
  }

  /** The online-services addresses that may serve this service. */
  private choices(): Address[] {
    return this.view().book.online.filter((address) => address.services.includes(this.service));
  }

  private line(address: Address): string {
    return addressLines(address, this.t('poBoxWord')).join(', ');
  }

  // --- Loading -----------------------------------------------------------------------------------------------------

  private async load(force = false): Promise<void> {
    if (this.preview) return;
    const login = this.watcher.login;
    const profile = signedInProfile(login);
    if (!login?.api || !profile) {
      this.loads++; // an answer still on its way is for a session that has ended
      // Signed out or expired: what is being edited stays (also across a sign-in by redirect), to be saved after
      // signing in again.
      this.requested = '';
      if (this.state.draft) this.storeDraft();
      this.set({ status: 'signed-out', error: this.state.draft ? 'session_expired' : null });
      return;
    }
    // Someone else signed in: the previous customer's edit and choice are not theirs to see.
    if (this.customer && this.customer.sub !== profile.sub) this.forget();
    // The login's events repeat (ready, sign-in, renewal): load once per customer unless asked to again.
    if (!force && this.requested === profile.sub && this.state.status !== 'signed-out') return;
    this.requested = profile.sub;
    const load = ++this.loads;
    this.set({ status: 'loading', error: null });
    try {
      const book = await this.withToken((token) => loadAddresses(login.api, token, this.timeout));
      if (load !== this.loads) return;
      this.customer = { sub: profile.sub, method: profile.login };
      const draft = this.state.draft ?? this.storedDraft();
      this.set({ status: 'ready', book, draft });
      if (draft && !this.state.localities) void this.lookUpLocalities(draft.postcode);
    } catch (error) {
      if (load !== this.loads) return;
      const code = errorCode(error);
      this.set({ status: code === 'session_expired' ? 'signed-out' : 'load-error', error: code });
      this.dispatchEvent(new AddressPickerErrorEvent(code, 'load'));
    }
  }

  /** Calls the API with the session's access token, and once more with a renewed one if the API refused it (401). */
  private async withToken<T>(call: (token: string) => Promise<T>): Promise<T> {
    const login = this.watcher.login;
    if (!login) throw new HttpError('unauthorized', 401);
    try {
      return await call(await login.getAccessToken());
    } catch (error) {
      if (!(error instanceof HttpError) || error.failure !== 'unauthorized') throw error;
      return call(await login.getAccessToken({ renew: true }));
    }
  }

  private async lookUpLocalities(postcode: string): Promise<void> {
    const api = this.watcher.login?.api;
    if (!api || !POSTCODE.test(postcode.trim())) return this.set({ localities: null });
    try {
      const localities = await this.withToken((token) => loadLocalities(api, token, postcode.trim()));
      const draft = this.state.draft;
      if (!draft || draft.postcode.trim() !== postcode.trim()) return;
      // A locality of the postcode gets the directory's spelling; one that does not belong is replaced by the
      // postcode's only locality; among several the customer chooses, and what they typed stays until then.
      const known = localities.find((locality) => sameLocality(locality, draft.locality));
      const locality = known ?? (localities.length === 1 ? localities[0] : draft.locality);
      // The same draft while nothing changed: a save under way compares it to tell the customer's typing apart.
      this.set({ localities, draft: locality === draft.locality ? draft : { ...draft, locality } });
    } catch {
      this.set({ localities: null }); // the API checks the locality when the address is saved
    }
  }

  // --- Choosing ----------------------------------------------------------------------------------------------------

  private choose(id: string): void {
    if (!id || id === this.value || this.isDisabled) return;
    this.showInvalid = false;
    this.value = id;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  // --- Editing -----------------------------------------------------------------------------------------------------

  private edit(address: Address | null): void {
    const draft: AddressDraft = address
      ? { ...address }
      : {
          id: null,
          version: 0,
          services: [this.service],
          name: '',
          company: '',
          coName: '',
          street: '',
          houseNumber: '',
          poBox: '',
          postcode: '',
          locality: '',
        };
    this.idempotencyKey = crypto.randomUUID();
    this.set({ draft, fieldErrors: {}, error: null, conflict: null, saved: false, localities: null }, ['#name']);
    void this.lookUpLocalities(draft.postcode);
  }

  private onInput(event: Event): void {
    // A keystroke in the edit form is not a choice: the host's `input` listener (the event is composed) hears choices only.
    event.stopPropagation();
    const field = event.target as HTMLInputElement;
    if (!this.state.draft) return;
    const draft = { ...this.state.draft };
    if (field.type === 'checkbox') {
      const services = new Set(draft.services);
      if (field.checked) services.add(field.value as AddressService);
      else services.delete(field.value as AddressService);
      draft.services = ADDRESS_SERVICES.filter((service) => services.has(service));
    } else {
      // The `change` a text field fires when it loses focus (e.g. to the first invalid field or the alert) brings
      // nothing new: it must not clear the error just shown for it.
      if (draft[field.name as AddressField] === field.value) return;
      draft[field.name as AddressField] = field.value;
    }
    const fieldErrors = { ...this.state.fieldErrors, [field.type === 'checkbox' ? 'services' : field.name]: undefined };
    // Another postcode: the last one's localities no longer apply (neither to offer nor to check) until its own come.
    const localities = field.name === 'postcode' ? null : this.state.localities;
    this.set({ draft, fieldErrors, saved: false, localities });
    this.storeDraft();
    if (field.name === 'postcode') void this.lookUpLocalities(field.value);
  }

  private cancel(): void {
    this.discardDraft();
    this.set({ draft: null, fieldErrors: {}, error: null, conflict: null }, FOCUS_CHOICE);
  }

  // What the customer typed survives a sign-in by redirect (the page reloads): it waits in this tab's sessionStorage
  // until it is saved or cancelled, and only comes back for the same customer.
  private storeDraft(): void {
    if (this.customer && this.state.draft) {
      const stored: StoredDraft = { sub: this.customer.sub, draft: this.state.draft, idempotencyKey: this.idempotencyKey };
      sessionStorage.setItem(storageKey(this.id || this.service), JSON.stringify(stored));
    }
  }

  private storedDraft(): AddressDraft | null {
    try {
      const stored = JSON.parse(sessionStorage.getItem(storageKey(this.id || this.service)) ?? 'null') as StoredDraft | null;
      if (!stored || stored.sub !== this.customer?.sub || typeof stored.idempotencyKey !== 'string') return null;
      const address = toAddress({ ...stored.draft, id: stored.draft.id ?? '', version: stored.draft.version });
      this.idempotencyKey = stored.idempotencyKey;
      return { ...address, id: stored.draft.id };
    } catch {
      return null;
    }
  }

  private discardDraft(): void {
    sessionStorage.removeItem(storageKey(this.id || this.service));
  }

  // --- Saving ------------------------------------------------------------------------------------------------------

  private async save(event?: Event): Promise<void> {
    event?.preventDefault();
    const { draft, saving } = this.state;
    const login = this.watcher.login;
    if (!draft || saving || this.preview || this.isDisabled) return; // a second click while saving sends nothing
    const fieldErrors = checkAddress(draft, this.state.localities);
    const invalid = [...ADDRESS_FIELDS, 'services' as const].find((field) => fieldErrors[field]);
    if (invalid) {
      this.set({ fieldErrors, error: 'validation' }, [`[name=${invalid}]`]);
      return void this.dispatchEvent(new AddressPickerErrorEvent('validation', 'save'));
    }
    if (!login?.api || this.state.status === 'signed-out') return this.fail('session_expired');
    const customer = this.customers;
    let again = false;
    this.set({ saving: true, error: null, fieldErrors: {}, saved: false });
    try {
      const saved = await this.withToken((token) => saveAddress(login.api, token, draft, this.idempotencyKey, this.timeout));
      if (customer === this.customers) this.saved(draft, saved);
    } catch (error) {
      if (customer === this.customers) again = this.failSave(error);
    } finally {
      this.set({ saving: false });
    }
    if (again) await this.save();
  }

  /** The address list with `saved` in it (replaced, or added), and whether one more may be added. */
  private withSaved(saved: Address): { book: AddressBook; known: boolean } {
    const { book } = this.state;
    const known = book.online.some((address) => address.id === saved.id);
    const online = known ? book.online.map((address) => (address.id === saved.id ? saved : address)) : [...book.online, saved];
    const limits = { ...book.limits, canAdd: book.limits.canEdit && online.length < book.limits.maxOnline };
    return { book: { ...book, online, limits }, known };
  }

  /** Shows a saved address in the list; closes the form unless the customer changed it while it was being saved. */
  private saved(sent: AddressDraft, saved: Address): void {
    const { draft } = this.state;
    const { book, known } = this.withSaved(saved);
    this.idempotencyKey = crypto.randomUUID(); // the next change is another request
    if (draft === sent) {
      this.discardDraft();
      this.set({ book, draft: null, saved: true }, FOCUS_CHOICE);
      if (saved.services.includes(this.service)) this.choose(saved.id);
    } else {
      // Typed into while saving: the form stays, now changing the address just saved.
      this.set({ book, draft: draft && { ...draft, id: saved.id, version: saved.version } });
      this.storeDraft();
    }
    this.dispatchEvent(new AddressPickerSaveEvent(saved.id, !known));
  }

  /** Says what went wrong; true when the save should simply be sent again. */
  private failSave(error: unknown): boolean {
    let code = errorCode(error);
    const body = error instanceof HttpError ? error.body : {};
    const { draft } = this.state;
    if (error instanceof HttpError && error.code === 'idempotency_key_reused' && draft) {
      // An earlier save of this edit reached the server although its answer was lost, and the form changed since:
      // take what was stored, and save the customer's current form over it.
      try {
        const earlier = toAddress(body.earlier);
        this.idempotencyKey = crypto.randomUUID();
        this.set({ book: this.withSaved(earlier).book, draft: { ...draft, id: earlier.id, version: earlier.version } });
        this.storeDraft();
        return true;
      } catch {
        code = 'malformed';
      }
    }
    if (code === 'conflict') {
      try {
        this.set({ conflict: toAddress(body.current), error: code }, ['#conflict']);
        this.dispatchEvent(new AddressPickerErrorEvent(code, 'save'));
        return false;
      } catch {
        code = 'malformed';
      }
    }
    const { book } = this.state;
    if (code === 'validation') this.set({ fieldErrors: toFieldErrors(body.fields) });
    if (code === 'limit_reached') this.set({ book: { ...book, limits: { ...book.limits, canAdd: false } } });
    if (code === 'administrator_only') this.set({ book: { ...book, limits: { ...book.limits, canEdit: false, canAdd: false } } });
    this.fail(code);
    return false;
  }

  private fail(code: AddressErrorCode): void {
    if (code === 'session_expired') this.storeDraft();
    this.set({ error: code }, ['#message']);
    this.dispatchEvent(new AddressPickerErrorEvent(code, 'save'));
  }

  /** After a conflict: save the customer's version over the one saved meanwhile. */
  private keepMine(): void {
    const { draft, conflict } = this.state;
    if (!draft || !conflict) return;
    this.set({ draft: { ...draft, version: conflict.version }, conflict: null, error: null });
    void this.save();
  }

  /** After a conflict: drop the customer's changes and take the version saved meanwhile. */
  private keepSaved(): void {
    const { book, conflict } = this.state;
    if (!conflict) return;
    const online = book.online.map((address) => (address.id === conflict.id ? conflict : address));
    this.discardDraft();
    this.set({ book: { ...book, online }, draft: null, conflict: null, error: null }, FOCUS_CHOICE);
  }

  private signInAgain(): void {
    if (this.preview) return;
    void this.watcher.login?.signIn(this.customer?.method ?? 'swissid');
  }

  // --- Rendering ---------------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Disabled (also by a surrounding fieldset) while the list is open: the list goes with the choice.
    if (this.isDisabled) this.combobox.close(false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncForm();
    if (this.focusTarget) {
      const target = this.first(...this.focusTarget);
      this.focusTarget = null;
      target?.focus();
    }
  }

  /** The value and validity the host form sees. */
  private syncForm(): void {
    if (!this.renderRoot) return; // a `value` set before the first render; updated() comes
    // Only an address the customer can see offered counts: not one for another service, not while signed out.
    const value = this.view().status === 'ready' && this.choices().some((address) => address.id === this.value) ? this.value : '';
    this.internals.setFormValue(value || null);
    if (this.required && !value && !this.isDisabled) {
      // The browser's message points at the combobox, or at the picker when there is none to choose with.
      const message = this.t('valueMissing', { service: this.t(SERVICE_KEYS[this.service]) }) || 'valueMissing';
      this.internals.setValidity({ valueMissing: true }, message, this.first('[role=combobox]', '.picker') ?? undefined);
    } else {
      this.internals.setValidity({});
    }
  }

  protected override render() {
    if (!this.locale.messages) return nothing;
    const view = this.view();
    const t = (key: MessageKey, values?: Record<string, string>) => this.t(key, values);
    const kept = view.draft && view.error && view.error !== 'validation' && view.error !== 'conflict';
    return html`
      <div class="picker" tabindex="-1">
        ${this.renderBody(view, t)}
        <div class="alert" part="message" role="alert" id="message" tabindex="-1">${view.error
          ? html`<p>${t(view.status === 'load-error' ? 'loadFailed' : view.error)}${view.status === 'load-error'
              ? ` ${t(view.error)}`
              : nothing}${kept ? ` ${t('kept')}` : nothing}</p>${this.renderRecovery(view, t)}`
          : nothing}</div>
        <p class="status" part="status" role="status">${view.saving ? t('saving') : view.saved ? t('saved') : nothing}</p>
      </div>
    `;
  }

  private renderRecovery(view: AddressPickerView, t: (key: MessageKey) => string) {
    if (view.error === 'session_expired') {
      return html`<div class="actions"><button class="secondary" @click=${this.signInAgain}>${t('signInAgain')}</button></div>`;
    }
    if (view.status === 'load-error') {
      return html`<div class="actions"><button class="secondary" @click=${() => void this.load(true)}>${t('retry')}</button></div>`;
    }
    if (view.error === 'limit_reached') return html`<p>${t('limitNote')}</p>`;
    if (view.error === 'administrator_only') return html`<p>${t('adminNote')}</p>`;
    return nothing;
  }

  // One template for every status, so that the edit form keeps its place (and the field its focus) while the
  // session expires and the customer signs in again.
  private renderBody(view: AddressPickerView, t: (key: MessageKey, values?: Record<string, string>) => string) {
    const { billing } = view.book;
    return html`
      ${view.status === 'ready' && billing
        ? html`<section class="billing" part="billing" aria-labelledby="billing-title">
            ${this.heading('billing-title', t('billingTitle'))}
            <address>${this.envelope(billing)}</address>
            <p class="note">${t('billingNote')}</p>
          </section>`
        : nothing}
      ${this.renderMain(view, t)}
    `;
  }

  private renderMain(view: AddressPickerView, t: (key: MessageKey, values?: Record<string, string>) => string) {
    if (view.conflict && view.draft && view.status === 'ready') return this.renderConflict(view, t);
    if (view.draft) return this.renderForm(view, t);
    if (view.status === 'loading') return html`<p role="status">${t('loading')}</p>`;
    if (view.status === 'signed-out') return html`<p>${t('signedOut')}</p>`;
    if (view.status === 'load-error') return nothing;
    const { billing, limits } = view.book;
    return !billing && limits.maxOnline === 0 ? html`<p>${t('noAccount')}</p>` : this.renderChoice(view, t);
  }

  private renderChoice(view: AddressPickerView, t: (key: MessageKey, values?: Record<string, string>) => string) {
    const service = t(SERVICE_KEYS[this.service]);
    const choices = this.choices();
    const chosen = choices.find((address) => address.id === this.value);
    const { canEdit, canAdd, maxOnline } = view.book.limits;
    const invalid = this.showInvalid && this.required && !chosen;
    const active = this.combobox.active;
    return html`
      <div>
        ${choices.length ? html`<label id="label" for="combobox">${t('chooseLabel', { service })}</label>` : nothing}
        ${choices.length
          ? html`<button
                id="combobox"
                type="button"
                role="combobox"
                part="combobox"
                aria-haspopup="listbox"
                aria-controls="listbox"
                aria-expanded=${this.combobox.open ? 'true' : 'false'}
                aria-activedescendant=${this.combobox.open && active >= 0 ? `option-${active}` : nothing}
                aria-required=${this.required ? 'true' : 'false'}
                aria-invalid=${invalid ? 'true' : 'false'}
                aria-describedby=${invalid ? 'choice-error' : nothing}
                ?disabled=${this.isDisabled}
                @click=${() => this.combobox.toggle()}
                @keydown=${(event: KeyboardEvent) => this.combobox.onKeyDown(event)}
              >
                ${chosen ? this.line(chosen) : t('choose')}
              </button>
              <ul id="listbox" role="listbox" part="listbox" aria-labelledby="label" ?hidden=${!this.combobox.open}>
                ${choices.map(
                  (address, index) =>
                    html`<li
                      id="option-${index}"
                      role="option"
                      class=${index === active ? 'active' : ''}
                      aria-selected=${address.id === this.value ? 'true' : 'false'}
                      @click=${() => this.combobox.pick(index)}
                    >
                      ${this.line(address)}
                    </li>`,
                )}
              </ul>`
          : html`<p>${t('noneForService', { service })}</p>`}
        ${invalid ? html`<p class="error" id="choice-error">${t('valueMissing', { service })}</p>` : nothing}
      </div>
      ${canEdit
        ? html`<div class="actions">
            ${chosen
              ? html`<button class="secondary" part="edit-button" ?disabled=${this.isDisabled} @click=${() => this.edit(chosen)}>
                  ${t('edit')}
                </button>`
              : nothing}
            ${canAdd
              ? html`<button class="secondary" part="add-button" ?disabled=${this.isDisabled} @click=${() => this.edit(null)}>
                  ${t('add')}
                </button>`
              : nothing}
          </div>`
        : nothing}
      ${!canEdit && maxOnline > 0 ? html`<p class="note">${t('adminNote')}</p>` : nothing}
      ${canEdit && !canAdd ? html`<p class="note">${t('limitNote')}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.combobox.announced && chosen ? t('chosen', { address: this.line(chosen) }) : nothing}</p>
    `;
  }

  private renderForm(view: AddressPickerView, t: (key: MessageKey, values?: Record<string, string>) => string) {
    const draft = view.draft!;
    const errors = view.fieldErrors;
    const message = (field: AddressField | 'services') => {
      const code = errors[field];
      if (!code) return '';
      if (field === 'services') return t('servicesRequired');
      return t(code, { max: String(MAX_LENGTHS[field]), postcode: draft.postcode.trim() });
    };
    const described = (field: AddressField | 'services') => (errors[field] ? `${field}-error` : nothing);
    const error = (field: AddressField | 'services') =>
      errors[field] ? html`<p class="error" id="${field}-error">${message(field)}</p>` : nothing;
    const localities = view.localities ?? [];
    const off = this.isDisabled;
    const input = ([field, autocomplete]: [AddressField, Autocomplete]) => html`<div>
      <label for=${field}>${t(field)}</label>
      ${field === 'locality' && localities.length > 1
        ? html`<select id="locality" name="locality" ?disabled=${off} aria-invalid=${errors.locality ? 'true' : 'false'} aria-describedby=${described(field)}>
            <option value="" ?selected=${!draft.locality}>${t('chooseLocality')}</option>
            ${localities.map((locality) => html`<option ?selected=${locality === draft.locality}>${locality}</option>`)}
          </select>`
        : html`<input
            id=${field}
            name=${field}
            autocomplete=${autocomplete}
            inputmode=${field === 'postcode' || field === 'poBox' ? 'numeric' : nothing}
            .value=${live(draft[field])}
            ?disabled=${off}
            aria-invalid=${errors[field] ? 'true' : 'false'}
            aria-describedby=${described(field)}
          />`}
      ${error(field)}
    </div>`;
    return html`
      <form part="form" novalidate aria-labelledby="form-title" @submit=${this.save} @input=${this.onInput} @change=${this.onInput}>
        ${this.heading('form-title', t(draft.id ? 'editTitle' : 'addTitle'))}
        <p class="note">${t('formHint')}</p>
        ${FORM_ROWS.map((row) => (row.length > 1 ? html`<div class="row ${row[0][0] === 'postcode' ? 'place' : ''}">${row.map(input)}</div>` : input(row[0])))}
        <fieldset aria-describedby=${described('services')}>
          <legend>${t('services')}</legend>
          ${ADDRESS_SERVICES.map(
            (service) =>
              html`<label
                ><input type="checkbox" name="services" value=${service} ?disabled=${off} .checked=${live(draft.services.includes(service))} />${t(
                  SERVICE_KEYS[service],
                )}</label
              >`,
          )}
          ${error('services')}
        </fieldset>
        <div class="actions">
          <button class="primary" type="submit" part="save-button" ?disabled=${off} aria-disabled=${view.saving ? 'true' : 'false'}>
            ${t('save')}
          </button>
          <button class="secondary" type="button" part="cancel-button" ?disabled=${off} @click=${this.cancel}>${t('cancel')}</button>
        </div>
      </form>
    `;
  }

  private renderConflict(view: AddressPickerView, t: (key: MessageKey) => string) {
    const mine = view.draft!;
    return html`
      <section class="conflict" part="conflict" aria-labelledby="conflict">
        ${this.heading('conflict', t('conflict'))}
        <p>${t('conflictText')}</p>
        <div class="versions">
          <section aria-labelledby="mine">${this.heading('mine', t('yourVersion'), 1)}<address>${this.envelope(mine)}</address></section>
          <section aria-labelledby="theirs">
            ${this.heading('theirs', t('savedVersion'), 1)}
            <address>${this.envelope(view.conflict!)}</address>
          </section>
        </div>
        <div class="actions">
          <button class="primary" part="keep-mine-button" ?disabled=${this.isDisabled} @click=${this.keepMine}>${t('keepMine')}</button>
          <button class="secondary" part="keep-saved-button" ?disabled=${this.isDisabled} @click=${this.keepSaved}>
            ${t('keepSaved')}
          </button>
        </div>
      </section>
    `;
  }

  /** A heading at `heading-level` (+ `deeper`); focusable, since focus moves to some of them. */
  private heading(id: string, text: string, deeper = 0) {
    const level = Math.min(Math.max(Math.trunc(this.headingLevel) || 3, 1), 5) + deeper;
    return html`<p class="heading" id=${id} role="heading" aria-level=${level} tabindex="-1">${text}</p>`;
  }

  /** The address as written on an envelope, one line each (shown as text with `white-space: pre-line`). */
  private envelope(address: Partial<Record<AddressField, string>>): string {
    return addressLines(address, this.t('poBoxWord')).join('\n');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'address-picker': AddressPicker;
  }
}
