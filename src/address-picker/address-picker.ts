import { html, nothing, type PropertyValues } from 'lit';
import { diagnosticOf } from '../core/diagnostics.js';
import { HttpError, type Authorize } from '../core/http.js';
import { LocaleController } from '../core/locale.js';
import { LoginWatcher } from '../core/login-watcher.js';
import { signedInProfile, type Account, type SignInMethod } from '../core/page-login.js';
import { addressPickerDictionaries } from '../i18n/address-picker.js';
import type { AddressPickerMessages } from '../i18n/address-picker.en.js';
import { loadAddresses, toErrorCode, type Address, type AddressBook } from './address-api.js';
import { AddressEditor, type PickerAccess } from './address-editor.js';
import { AddressPickerField } from './address-picker.field.js';
import { AddressRemoval } from './address-removal.js';
import { AddressPickerErrorEvent, type AddressErrorCode } from './address-picker.events.js';
import { styles } from './address-picker.styles.js';
import {
  SERVICE_KEYS,
  addressLine,
  renderBilling,
  renderChoice,
  renderConflict,
  renderForm,
  renderMessages,
  renderRemoval,
  renderSwitchQuestion,
  type AddressPickerView,
  type PickerParts,
} from './address-picker.templates.js';
import { ComboboxController } from './combobox.js';

export type { AddressPickerView } from './address-picker.templates.js';

type MessageKey = keyof AddressPickerMessages;

const EMPTY_BOOK: AddressBook = {
  billing: null,
  online: [],
  limits: { maxOnline: 0, canEdit: false, canAdd: false, writable: true },
  administrator: null,
};

/**
 * The signed-in customer and the account whose addresses are shown (null: they have none). `scope` is aborted when
 * either changes: late answers then count for nothing.
 */
interface Customer {
  sub: string;
  method: SignInMethod;
  account: Account | null;
  scope: AbortController;
}

/**
 * Shows the customer's billing address (read-only, with how to change it) and lets them choose, edit or add the
 * online-services address for one service, with the Swiss address rules. Inside a host `<form>` it submits the chosen
 * address id under its `name`, and takes part in validation, reset and disabling like a native field. It uses the
 * session of the page's `<post-login>` (the one named by `for`, else the first on the page) for its API calls.
 *
 * @tag address-picker
 * @summary Billing address and online-services addresses.
 *
 * @fires change - The customer chose another address (`value` is its id), or the chosen one went (removed, another
 *   account: `value` is then empty or the attribute's).
 * @fires input - The customer chose another address.
 * @fires address-picker-save - An online-services address was saved; `addressId`, `created`.
 * @fires address-picker-remove - An online-services address was removed; `addressId`.
 * @fires address-picker-error - Loading, saving or removing failed; `code` says why, `action` is `load`, `save` or
 *   `remove`, `diagnostic` says more for developers (the API's status and error code; never a token).
 *
 * @csspart billing - The billing address and how to change it.
 * @csspart combobox - The button that shows the chosen address and opens the list.
 * @csspart listbox - The list of addresses.
 * @csspart edit-button - "Edit address".
 * @csspart add-button - "Add address".
 * @csspart remove-button - "Remove address" for the chosen one.
 * @csspart removal - The question before an address is removed.
 * @csspart confirm-remove-button - "Remove" in that question.
 * @csspart cancel-remove-button - "Cancel" in that question.
 * @csspart switch-question - The question when another account is chosen while an address is being edited.
 * @csspart discard-button - "Discard changes" in that question.
 * @csspart keep-editing-button - "Keep editing" in that question.
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
export class AddressPicker extends AddressPickerField {
  static override styles = styles;
  private readonly locale = new LocaleController<AddressPickerMessages>(this, addressPickerDictionaries);
  private readonly watcher = new LoginWatcher(this, (change) => {
    // A deliberate sign-out (here or in another tab) takes the customer's data with it; an expiry keeps the edit.
    if (change === 'post-login-sign-out') this.forget();
    void this.load();
  });
  private readonly combobox = new ComboboxController(this, {
    trigger: () => this.renderRoot.querySelector<HTMLElement>('[role=combobox]'),
    panel: () => this.renderRoot.querySelector<HTMLElement>('[role=listbox]'),
    options: () => this.choices().map((address) => addressLine(this.t, address)),
    selected: () => this.choices().findIndex((address) => address.id === this.value),
    choose: (index) => this.choose(this.choices()[index]?.id ?? ''),
  });
  /** What the editor and the removal may use of the picker. */
  private readonly access: PickerAccess = {
    service: () => this.service,
    timeout: () => this.timeout,
    inert: () => Boolean(this.preview) || this.isDisabled,
    customer: () =>
      this.customer?.account ? { sub: this.customer.sub, accountId: this.customer.account.id, scope: this.customer.scope.signal } : null,
    signedIn: () => this.status !== 'signed-out',
    api: () => this.watcher.login?.api || null,
    withAuth: (call) => this.withAuth(call),
    book: () => this.book,
    setBook: (book) => {
      this.book = book;
      this.requestUpdate();
    },
    showError: (code, focus) => this.showError(code, focus),
    focusAfterUpdate: (selectors) => (this.focusTarget = selectors),
    choose: (id) => this.choose(id),
    unchoose: (id) => {
      if (id !== this.value) return;
      this.value = '';
      this.announceChoice();
    },
    // An account switch that waited for the edit goes on once the editor is done with its own steps.
    editClosed: () => {
      if (this.customer && this.watcher.login?.account?.id !== this.customer.account?.id) queueMicrotask(() => void this.load());
    },
    reload: () => this.load(true),
  };
  private readonly editor = new AddressEditor(this, this.access);
  private readonly removal = new AddressRemoval(this, this.access);
  /** Another account was chosen while an address is being edited: the question before the edit goes. */
  private switchTo: Account | null = null;
  /** The account the customer chose to finish the edit before acting for ("keep editing"): not asked again. */
  private switchDeclined: string | null = null;
  private status: AddressPickerView['status'] = 'signed-out';
  private book: AddressBook = EMPTY_BOOK;
  /** What the alert says. */
  private error: AddressErrorCode | null = null;
  /** The load under way; aborted by a newer one and when the customer leaves. */
  private loading: AbortController | null = null;
  /** The customer and account (`sub|id`) whose addresses are loading or shown. */
  private requested = '';
  private customer: Customer | null = null;
  /** The host form was submitted without a choice: say so next to the field. */
  private showInvalid = false;
  /** Selectors, in order of preference, of what gets focus after the next render. */
  private focusTarget: string[] | null = null;

  constructor() {
    super();
    this.addEventListener('invalid', () => {
      this.showInvalid = true;
      this.requestUpdate();
    });
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

  private readonly t = (key: MessageKey, values?: Record<string, string>): string => this.locale.t(key, values);

  private view(): AddressPickerView {
    const { state } = this.editor;
    const edit = this.editor.edit;
    const live: AddressPickerView = {
      status: this.status,
      book: this.book,
      draft: edit?.draft ?? null,
      fieldErrors: edit?.fieldErrors ?? {},
      localities: edit?.localities ?? null,
      saving: state.step === 'saving',
      error: this.error,
      conflict: state.step === 'conflict' ? state.current : null,
      saved: state.step === 'closed' && state.saved,
      account: this.customer?.account ?? null,
      switchTo: this.switchTo,
      removal: this.removal.state.step === 'idle' ? null : { address: this.removal.state.address, busy: this.removal.state.step === 'removing' },
      removed: this.removal.state.step === 'idle' && this.removal.state.removed,
    };
    return this.preview ? { ...live, ...this.preview } : live;
  }

  private showError(code: AddressErrorCode | null, focus?: string[]): void {
    this.error = code;
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
    this.editor.discard();
    this.customer?.scope.abort(); // a save still on its way changes nothing for whoever comes next
    this.customer = null;
    this.requested = '';
    this.loading?.abort();
    this.status = 'signed-out';
    this.book = EMPTY_BOOK;
    this.error = null;
    this.value = this.getAttribute('value') ?? '';
  }

  /** The online-services addresses that may serve this service. */
  private choices(): Address[] {
    return this.view().book.online.filter((address) => address.services.includes(this.service));
  }

  private async load(force = false): Promise<void> {
    if (this.preview) return;
    const login = this.watcher.login;
    const profile = signedInProfile(login);
    if (!login?.api || !profile) {
      this.loading?.abort(); // an answer still on its way is for a session that has ended
      // Signed out or expired: what is being edited stays (also across a sign-in by redirect), to be saved after
      // signing in again.
      this.requested = '';
      this.editor.keep();
      this.status = 'signed-out';
      this.showError(this.editor.edit ? 'session_expired' : null);
      return;
    }
    // Someone else signed in: the previous customer's edit and choice are not theirs to see.
    if (this.customer && this.customer.sub !== profile.sub) this.forget();
    const account = login.account;
    const otherAccount = Boolean(this.customer) && account?.id !== this.customer?.account?.id;
    // Another account chosen while an address is being edited: the customer decides first what becomes of the edit.
    if (otherAccount && this.editor.edit) {
      if (this.switchDeclined !== (account?.id ?? '')) this.switchTo = account;
      this.requestUpdate();
      return;
    }
    this.switchDeclined = null;
    if (this.switchTo) {
      // Back to the account being edited, or the edit is done: no question left.
      this.switchTo = null;
      this.requestUpdate();
    }
    // The login's events repeat (ready, sign-in, renewal): load once per customer and account unless asked to again.
    const wanted = `${profile.sub}|${account?.id ?? ''}`;
    if (!force && this.requested === wanted && this.status !== 'signed-out') return;
    this.requested = wanted;
    this.loading?.abort();
    if (otherAccount) {
      // A save or removal still on its way is for the account being left: its answer changes nothing here.
      this.customer?.scope.abort();
      this.removal.reset();
    }
    const loading = (this.loading = new AbortController());
    this.status = 'loading';
    this.showError(null);
    try {
      // A person without any Post account (a new SwissID) has no addresses to load.
      const book = account ? await this.withAuth((authorize) => loadAddresses(login.api, account.id, authorize, this.timeout)) : EMPTY_BOOK;
      if (loading.signal.aborted) return;
      if (this.customer?.sub !== profile.sub || this.customer.account?.id !== account?.id) {
        // Another account: its addresses, its choice; what was under way for the last one counts for nothing here.
        if (this.customer) {
          const before = this.value;
          this.value = this.getAttribute('value') ?? '';
          if (this.value !== before) this.announceChoice();
        }
        this.customer?.scope.abort();
        this.customer = { sub: profile.sub, method: profile.login, account, scope: new AbortController() };
        this.removal.reset();
      }
      this.status = 'ready';
      this.book = book;
      this.editor.restore();
      this.requestUpdate();
    } catch (error) {
      if (loading.signal.aborted) return;
      const code = toErrorCode(error);
      this.status = code === 'session_expired' ? 'signed-out' : 'load-error';
      this.showError(code);
      this.dispatchEvent(new AddressPickerErrorEvent(code, 'load', diagnosticOf(error, code)));
    }
  }

  /** Calls the API authorized by the session, and once more with a renewed token if the API refused it (401). */
  private async withAuth<T>(call: (authorize: Authorize) => Promise<T>): Promise<T> {
    const login = this.watcher.login;
    if (!login) throw new HttpError('unauthorized', 401);
    try {
      return await call((method, url) => login.getAuthorization(method, url));
    } catch (error) {
      if (!(error instanceof HttpError) || error.failure !== 'unauthorized') throw error;
      return call((method, url) => login.getAuthorization(method, url, { renew: true }));
    }
  }

  private choose(id: string): void {
    if (!id || id === this.value || this.isDisabled) return;
    this.showInvalid = false;
    this.value = id;
    this.announceChoice();
  }

  /** The host hears a changed choice as from a native field. */
  private announceChoice(): void {
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
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
  protected override syncForm(): void {
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

  private parts(): PickerParts {
    return { t: this.t, disabled: this.isDisabled, headingLevel: this.headingLevel, service: this.service };
  }

  protected override render() {
    if (!this.locale.messages) return nothing;
    const view = this.view();
    const parts = this.parts();
    return html`
      <div class="picker" tabindex="-1">
        ${view.status === 'ready' && view.book.billing ? renderBilling(parts, view.book.billing) : nothing}
        ${this.renderMain(view, parts)}
        ${renderMessages(parts, view, { onSignInAgain: () => this.signInAgain(), onRetry: () => void this.load(true) })}
      </div>
    `;
  }

  // One template for every status, so that the edit form keeps its place (and the field its focus) while the
  // session expires and the customer signs in again.
  private renderMain(view: AddressPickerView, parts: PickerParts) {
    const t = this.t;
    const editor = this.editor;
    const { draft, conflict } = view;
    const question =
      view.switchTo && draft
        ? renderSwitchQuestion(parts, view.switchTo, {
            onDiscard: () => editor.discard(),
            onKeep: () => {
              this.switchDeclined = this.switchTo?.id ?? '';
              this.switchTo = null;
              this.requestUpdate();
            },
          })
        : nothing;
    if (conflict && draft && view.status === 'ready') {
      return html`${question}${renderConflict({ ...parts, onKeepMine: () => editor.keepMine(), onKeepSaved: () => editor.keepSaved() }, draft, conflict)}`;
    }
    if (draft) {
      const formParts = {
        ...parts,
        saving: view.saving,
        onSubmit: (event: Event) => void editor.save(event),
        onInput: (event: Event) => editor.onInput(event),
        onCancel: () => editor.cancel(),
      };
      return html`${question}${renderForm(formParts, { draft, fieldErrors: view.fieldErrors, localities: view.localities })}`;
    }
    if (view.status === 'loading') return html`<p role="status">${t('loading')}</p>`;
    if (view.status === 'signed-out') return html`<p>${t('signedOut')}</p>`;
    if (view.status === 'load-error') return nothing;
    const { billing, limits } = view.book;
    if (!billing && limits.maxOnline === 0) return html`<p>${t('noAccount')}</p>`;
    if (view.removal) {
      return renderRemoval(parts, view.removal, { onConfirm: () => void this.removal.confirm(), onCancel: () => this.removal.cancel() });
    }
    const choices = this.choices();
    return renderChoice({
      ...parts,
      combobox: this.combobox,
      choices,
      chosen: choices.find((address) => address.id === this.value),
      book: view.book,
      account: view.account,
      required: this.required,
      invalid: this.showInvalid && this.required && !choices.some((address) => address.id === this.value),
      onEdit: (address) => editor.open(address),
      onRemove: (address) => this.removal.ask(address),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'address-picker': AddressPicker;
  }
}
