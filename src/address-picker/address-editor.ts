import type { ReactiveControllerHost } from 'lit';
import {
  ADDRESS_FIELDS,
  ADDRESS_SERVICES,
  loadLocalities,
  saveAddress,
  toAddress,
  toErrorCode,
  withOnline,
  type Address,
  type AddressBook,
  type AddressDraft,
  type AddressField,
  type AddressService,
} from './address-api.js';
import { AddressPickerErrorEvent, AddressPickerSaveEvent, type AddressErrorCode } from './address-picker.events.js';
import { POSTCODE, checkAddress, sameLocality, toFieldErrors, type FieldErrors } from './address-rules.js';
import { DraftStore } from './draft-store.js';
import { diagnosticOf } from '../core/diagnostics.js';
import { HttpError, type Authorize } from '../core/http.js';

/** The form's content and what is known about it. */
export interface Edit {
  /** Kept through every failure until it is saved or cancelled. */
  draft: AddressDraft;
  fieldErrors: FieldErrors;
  /** The directory's localities for the draft's postcode (null: not looked up). */
  localities: string[] | null;
}

/**
 * The edit of an online-services address: none (`saved` just after a save), typed into, being saved (the customer
 * may type on), or stopped by a version saved by someone else meanwhile (a 412, with that version as `current`).
 */
export type EditorState =
  | { step: 'closed'; saved: boolean }
  | { step: 'editing' | 'saving'; edit: Edit }
  | { step: 'conflict'; edit: Edit; current: Address };

/** Where focus goes when the choice is shown again: the combobox, else "add", else the picker itself. */
export const FOCUS_CHOICE = ['[role=combobox]', '[part~="add-button"]', '.picker'];

/** What the editor needs of the picker it edits for (kept off the element's public API). */
export interface PickerAccess {
  service(): AddressService;
  timeout(): number;
  /** Nothing is saved (a preview, a disabled picker). */
  inert(): boolean;
  /** The signed-in customer and the account whose addresses are shown; `scope` is aborted when either changes. */
  customer(): { sub: string; accountId: string; scope: AbortSignal } | null;
  /** The account API's base URL, or null without one. */
  api(): string | null;
  /** Signed in (not signed out or expired). */
  signedIn(): boolean;
  /** Calls the API authorized by the page's login, once more with a renewed token after a 401. */
  withAuth<T>(call: (authorize: Authorize) => Promise<T>): Promise<T>;
  book(): AddressBook;
  setBook(book: AddressBook): void;
  /** What the alert says (null: nothing); focus moves to the first of `focus` that is there after the update. */
  showError(code: AddressErrorCode | null, focus?: string[]): void;
  focusAfterUpdate(selectors: string[]): void;
  choose(id: string): void;
  /** This address is gone: if it was the choice, there is none now (the host hears it as a change). */
  unchoose(id: string): void;
  /** The form closed (saved, cancelled, discarded): an account switch that waited for it may go on. */
  editClosed(): void;
  /** Loads the addresses again (they changed meanwhile). */
  reload(): Promise<void>;
}

const emptyDraft = (service: AddressService): AddressDraft => ({
  id: null,
  version: 0,
  services: [service],
  name: '',
  company: '',
  coName: '',
  street: '',
  houseNumber: '',
  poBox: '',
  postcode: '',
  locality: '',
});

/**
 * Editing and adding an online-services address for `<address-picker>`: the draft and its persistence across a sign-in,
 * the directory's localities, saving with an idempotency key and `If-Match`, and the choice after a conflict.
 */
export class AddressEditor {
  state: EditorState = { step: 'closed', saved: false };
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly picker: PickerAccess;
  private readonly store: DraftStore;
  /**
   * One key per edit, kept through retries (also across a sign-in by redirect) and renewed after a success: a save
   * whose answer was lost is never stored twice, even when the customer changed the form before saving again.
   */
  private idempotencyKey = '';

  constructor(host: ReactiveControllerHost & HTMLElement, picker: PickerAccess) {
    this.host = host;
    this.picker = picker;
    this.store = new DraftStore(() => host.id || picker.service());
  }

  get edit(): Edit | null {
    return this.state.step === 'closed' ? null : this.state.edit;
  }

  private set(state: EditorState): void {
    const wasOpen = this.state.step !== 'closed';
    this.state = state;
    this.host.requestUpdate();
    if (wasOpen && state.step === 'closed') this.picker.editClosed();
  }

  /** The same step with a changed edit (a draft may change in every step but `closed`). */
  private update(changes: Partial<Edit>): void {
    if (this.state.step !== 'closed') this.set({ ...this.state, edit: { ...this.state.edit, ...changes } });
  }

  /** Opens the form for `address`, or for a new one. */
  open(address: Address | null): void {
    const draft: AddressDraft = address ? { ...address } : emptyDraft(this.picker.service());
    this.idempotencyKey = crypto.randomUUID();
    this.set({ step: 'editing', edit: { draft, fieldErrors: {}, localities: null } });
    this.picker.showError(null, ['#name']);
    void this.lookUpLocalities(draft.postcode);
  }

  /** The customer's edit kept in this tab from before a sign-in, for the customer and account now shown. */
  restore(): void {
    const customer = this.picker.customer();
    const kept = this.state.step === 'closed' && customer ? this.store.load(customer.sub, customer.accountId) : null;
    if (kept) {
      this.idempotencyKey = kept.idempotencyKey;
      this.set({ step: 'editing', edit: { draft: kept.draft, fieldErrors: {}, localities: null } });
    }
    if (this.edit && !this.edit.localities) void this.lookUpLocalities(this.edit.draft.postcode);
  }

  /** Keeps the edit for after a sign-in (signed out or expired meanwhile). */
  keep(): void {
    const customer = this.picker.customer();
    if (customer && this.edit) {
      this.store.save(customer.sub, customer.accountId, { draft: this.edit.draft, idempotencyKey: this.idempotencyKey });
    }
  }

  /** Forgets the edit, also the stored copy (another customer, or a deliberate sign-out). */
  discard(): void {
    this.store.clear();
    this.set({ step: 'closed', saved: false });
  }

  cancel(): void {
    this.store.clear();
    this.set({ step: 'closed', saved: false });
    this.picker.showError(null, FOCUS_CHOICE);
  }

  onInput(event: Event): void {
    // A keystroke in the edit form is not a choice: the host's `input` listener (the event is composed) hears choices only.
    event.stopPropagation();
    const field = event.target as HTMLInputElement;
    const edit = this.edit;
    if (!edit) return;
    const draft = { ...edit.draft };
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
    const fieldErrors = { ...edit.fieldErrors, [field.type === 'checkbox' ? 'services' : field.name]: undefined };
    // Another postcode: the last one's localities no longer apply (neither to offer nor to check) until its own come.
    const localities = field.name === 'postcode' ? null : edit.localities;
    this.update({ draft, fieldErrors, localities });
    this.keep();
    if (field.name === 'postcode') void this.lookUpLocalities(field.value);
  }

  private async lookUpLocalities(postcode: string): Promise<void> {
    const api = this.picker.api();
    if (!api || !POSTCODE.test(postcode.trim())) return this.update({ localities: null });
    try {
      const localities = await this.picker.withAuth((authorize) => loadLocalities(api, authorize, postcode.trim()));
      const draft = this.edit?.draft;
      if (!draft || draft.postcode.trim() !== postcode.trim()) return;
      // A locality of the postcode gets the directory's spelling; one that does not belong is replaced by the
      // postcode's only locality; among several the customer chooses, and what they typed stays until then.
      const known = localities.find((locality) => sameLocality(locality, draft.locality));
      const locality = known ?? (localities.length === 1 ? localities[0] : draft.locality);
      // The same draft while nothing changed: a save under way compares it to tell the customer's typing apart.
      this.update({ localities, draft: locality === draft.locality ? draft : { ...draft, locality } });
    } catch {
      this.update({ localities: null }); // the API checks the locality when the address is saved
    }
  }

  async save(event?: Event): Promise<void> {
    event?.preventDefault();
    // A second click while saving sends nothing. (After a conflict the form shows only while signed out.)
    if ((this.state.step !== 'editing' && this.state.step !== 'conflict') || this.picker.inert()) return;
    const { draft, localities } = this.state.edit;
    const fieldErrors = checkAddress(draft, localities);
    const invalid = [...ADDRESS_FIELDS, 'services' as const].find((field) => fieldErrors[field]);
    if (invalid) {
      this.update({ fieldErrors });
      this.picker.showError('validation', [`[name=${invalid}]`]);
      return void this.host.dispatchEvent(new AddressPickerErrorEvent('validation', 'save'));
    }
    const api = this.picker.api();
    const customer = this.picker.customer();
    if (!api || !customer || !this.picker.signedIn()) return this.fail('session_expired');
    let again = false;
    this.set({ step: 'saving', edit: { ...this.state.edit, fieldErrors: {} } });
    this.picker.showError(null);
    try {
      const saved = await this.picker.withAuth((authorize) =>
        saveAddress(api, customer.accountId, authorize, draft, this.idempotencyKey, this.picker.timeout()),
      );
      // An answer for a customer who has left meanwhile changes nothing.
      if (!customer.scope.aborted) this.saved(draft, saved);
    } catch (error) {
      if (!customer.scope.aborted) again = this.failSave(error);
    } finally {
      const state = this.state as EditorState; // changed meanwhile
      if (state.step === 'saving') this.set({ step: 'editing', edit: state.edit });
    }
    if (again) await this.save();
  }

  /** The address list with `saved` in it (replaced, or added), and whether one more may be added. */
  private withSaved(saved: Address): { book: AddressBook; known: boolean } {
    const book = this.picker.book();
    const known = book.online.some((address) => address.id === saved.id);
    const online = known ? book.online.map((address) => (address.id === saved.id ? saved : address)) : [...book.online, saved];
    return { book: withOnline(book, online), known };
  }

  /** Shows a saved address in the list; closes the form unless the customer changed it while it was being saved. */
  private saved(sent: AddressDraft, saved: Address): void {
    const { book, known } = this.withSaved(saved);
    this.picker.setBook(book);
    this.idempotencyKey = crypto.randomUUID(); // the next change is another request
    const draft = this.edit?.draft;
    if (draft === sent) {
      this.store.clear();
      this.set({ step: 'closed', saved: true });
      this.picker.focusAfterUpdate(FOCUS_CHOICE);
      if (saved.services.includes(this.picker.service())) this.picker.choose(saved.id);
    } else if (draft) {
      // Typed into while saving: the form stays, now changing the address just saved.
      this.update({ draft: { ...draft, id: saved.id, version: saved.version } });
      this.keep();
    }
    this.host.dispatchEvent(new AddressPickerSaveEvent(saved.id, !known));
  }

  /** Says what went wrong; true when the save should simply be sent again. */
  private failSave(error: unknown): boolean {
    let code = toErrorCode(error);
    const body = error instanceof HttpError ? error.body : {};
    const edit = this.edit;
    if (error instanceof HttpError && error.code === 'idempotency_key_reused' && edit) {
      // An earlier save of this edit reached the server although its answer was lost, and the form changed since:
      // take what was stored, and save the customer's current form over it.
      try {
        const earlier = toAddress(body.earlier);
        this.idempotencyKey = crypto.randomUUID();
        this.picker.setBook(this.withSaved(earlier).book);
        this.set({ step: 'editing', edit: { ...edit, draft: { ...edit.draft, id: earlier.id, version: earlier.version } } });
        this.keep();
        return true;
      } catch {
        code = 'malformed';
      }
    }
    if (code === 'conflict' && edit) {
      try {
        this.set({ step: 'conflict', edit, current: toAddress(body.current) });
        this.picker.showError(code, ['#conflict']);
        this.host.dispatchEvent(new AddressPickerErrorEvent(code, 'save', diagnosticOf(error, code)));
        return false;
      } catch {
        code = 'malformed';
      }
    }
    const book = this.picker.book();
    if (code === 'validation') this.update({ fieldErrors: toFieldErrors(body.fields) });
    if (code === 'limit_reached') this.picker.setBook({ ...book, limits: { ...book.limits, canAdd: false } });
    if (code === 'not_allowed') this.picker.setBook({ ...book, limits: { ...book.limits, canEdit: false, canAdd: false, writable: false } });
    this.fail(code, diagnosticOf(error, code));
    return false;
  }

  private fail(code: AddressErrorCode, diagnostic: string = code): void {
    if (code === 'session_expired') this.keep();
    this.picker.showError(code, ['#message']);
    this.host.dispatchEvent(new AddressPickerErrorEvent(code, 'save', diagnostic));
  }

  /** After a conflict: save the customer's version over the one saved meanwhile. */
  keepMine(): void {
    if (this.state.step !== 'conflict') return;
    const { edit, current } = this.state;
    this.set({ step: 'editing', edit: { ...edit, draft: { ...edit.draft, version: current.version } } });
    this.picker.showError(null);
    void this.save();
  }

  /** After a conflict: drop the customer's changes and take the version saved meanwhile. */
  keepSaved(): void {
    if (this.state.step !== 'conflict') return;
    const { current } = this.state;
    const book = this.picker.book();
    this.picker.setBook({ ...book, online: book.online.map((address) => (address.id === current.id ? current : address)) });
    this.store.clear();
    this.set({ step: 'closed', saved: false });
    this.picker.showError(null, FOCUS_CHOICE);
  }
}
