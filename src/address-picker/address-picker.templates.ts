import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Account } from '../core/page-login.js';
import type { AddressPickerMessages } from '../i18n/address-picker.en.js';
import { ADDRESS_SERVICES, type Address, type AddressBook, type AddressDraft, type AddressField, type AddressService } from './address-api.js';
import type { Edit } from './address-editor.js';
import type { AddressErrorCode } from './address-picker.events.js';
import { MAX_LENGTHS, addressLines, type FieldErrors } from './address-rules.js';
import type { ComboboxController } from './combobox.js';

type MessageKey = keyof AddressPickerMessages;

/** Everything the picker shows. It comes from the account API and the edit, or from `preview` in design reviews. */
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
  /** The account whose addresses are shown (private, or business with the customer's role). */
  account: Account | null;
  /** Another account chosen while an address is being edited: the question what becomes of the edit. */
  switchTo: Account | null;
  /** The address the customer asked to remove (`busy` while the API removes it). */
  removal: { address: Address; busy: boolean } | null;
  removed: boolean;
}

type Translate = (key: MessageKey, values?: Record<string, string>) => string;

/** The name of each service in the dictionaries. */
export const SERVICE_KEYS: Record<AddressService, MessageKey> = {
  forwarding: 'serviceForwarding',
  'po-box': 'servicePoBox',
  'sub-address': 'serviceSubAddress',
  'power-of-attorney': 'servicePowerOfAttorney',
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

/** What every template needs of the picker. */
export interface PickerParts {
  t: Translate;
  /** Disabled by its attribute or a surrounding `<fieldset>`. */
  disabled: boolean;
  headingLevel: number;
  service: AddressService;
}

/** A heading at `heading-level` (+ `deeper`); focusable, since focus moves to some of them. */
export function heading(parts: PickerParts, id: string, text: string, deeper = 0) {
  const level = Math.min(Math.max(Math.trunc(parts.headingLevel) || 3, 1), 5) + deeper;
  return html`<p class="heading" id=${id} role="heading" aria-level=${level} tabindex="-1">${text}</p>`;
}

/** The address as written on an envelope, one line each (shown as text with `white-space: pre-line`). */
export function envelope(t: Translate, address: Partial<Record<AddressField, string>>): string {
  return addressLines(address, t('poBoxWord')).join('\n');
}

/** One line of the address, for the list and the combobox. */
export function addressLine(t: Translate, address: Address): string {
  return addressLines(address, t('poBoxWord')).join(', ');
}

export interface ChoiceParts extends PickerParts {
  combobox: ComboboxController;
  choices: Address[];
  chosen: Address | undefined;
  book: AddressBook;
  account: Account | null;
  required: boolean;
  /** The host form was submitted without a choice. */
  invalid: boolean;
  onEdit(address: Address | null): void;
  onRemove(address: Address): void;
}

export function renderChoice(parts: ChoiceParts) {
  const { t, combobox, choices, chosen, invalid, disabled } = parts;
  const service = t(SERVICE_KEYS[parts.service]);
  const { canEdit, canAdd, writable } = parts.book.limits;
  const { administrator } = parts.book;
  // A company's user agrees the address with its administrator before saving it (the source text's rule).
  const agree = canEdit && parts.book.limits.managedBy === 'administrator' && parts.account?.role === 'user';
  const active = combobox.active;
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
              aria-expanded=${combobox.open ? 'true' : 'false'}
              aria-activedescendant=${combobox.open && active >= 0 ? `option-${active}` : nothing}
              aria-required=${parts.required ? 'true' : 'false'}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${invalid ? 'choice-error' : nothing}
              ?disabled=${disabled}
              @click=${() => combobox.toggle()}
              @keydown=${(event: KeyboardEvent) => combobox.onKeyDown(event)}
            >
              ${chosen ? addressLine(t, chosen) : t('choose')}
            </button>
            <ul id="listbox" role="listbox" part="listbox" aria-labelledby="label" ?hidden=${!combobox.open}>
              ${choices.map(
                (address, index) =>
                  html`<li
                    id="option-${index}"
                    role="option"
                    class=${index === active ? 'active' : ''}
                    aria-selected=${address === chosen ? 'true' : 'false'}
                    @click=${() => combobox.pick(index)}
                  >
                    ${addressLine(t, address)}
                  </li>`,
              )}
            </ul>`
        : html`<p>${t('noneForService', { service })}</p>`}
      ${invalid ? html`<p class="error" id="choice-error">${t('valueMissing', { service })}</p>` : nothing}
    </div>
    ${canEdit
      ? html`<div class="actions">
          ${chosen
            ? html`<button class="secondary" part="edit-button" ?disabled=${disabled} @click=${() => parts.onEdit(chosen)}>
                ${t('edit')}
              </button>`
            : nothing}
          ${canAdd
            ? html`<button class="secondary" part="add-button" ?disabled=${disabled} @click=${() => parts.onEdit(null)}>
                ${t('add')}
              </button>`
            : nothing}
          ${chosen
            ? html`<button class="secondary" part="remove-button" ?disabled=${disabled} @click=${() => parts.onRemove(chosen)}>
                ${t('remove')}
              </button>`
            : nothing}
        </div>`
      : nothing}
    ${agree ? html`<p class="note">${administrator ? t('agreeNote', { administrator }) : t('agreeNoteUnnamed')}</p>` : nothing}
    ${!writable ? html`<p class="note">${t('readOnlyNote')}</p>` : nothing}
    ${canEdit && !canAdd ? html`<p class="note">${t('limitNote')}</p>` : nothing}
    <p class="visually-hidden" role="status">${combobox.announced && chosen ? t('chosen', { address: addressLine(t, chosen) }) : nothing}</p>
  `;
}

export interface FormParts extends PickerParts {
  saving: boolean;
  onSubmit(event: Event): void;
  onInput(event: Event): void;
  onCancel(): void;
}

export function renderForm(parts: FormParts, { draft, fieldErrors: errors, localities }: Edit) {
  const { t, disabled: off } = parts;
  const message = (field: AddressField | 'services') => {
    const code = errors[field];
    if (!code) return '';
    if (field === 'services') return t('servicesRequired');
    return t(code, { max: String(MAX_LENGTHS[field]), postcode: draft.postcode.trim() });
  };
  const described = (field: AddressField | 'services') => (errors[field] ? `${field}-error` : nothing);
  const error = (field: AddressField | 'services') =>
    errors[field] ? html`<p class="error" id="${field}-error">${message(field)}</p>` : nothing;
  const offered = localities ?? [];
  const input = ([field, autocomplete]: [AddressField, Autocomplete]) => html`<div>
    <label for=${field}>${t(field)}</label>
    ${field === 'locality' && offered.length > 1
      ? html`<select id="locality" name="locality" ?disabled=${off} aria-invalid=${errors.locality ? 'true' : 'false'} aria-describedby=${described(field)}>
          <option value="" ?selected=${!draft.locality}>${t('chooseLocality')}</option>
          ${offered.map((locality) => html`<option ?selected=${locality === draft.locality}>${locality}</option>`)}
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
    <form part="form" novalidate aria-labelledby="form-title" @submit=${parts.onSubmit} @input=${parts.onInput} @change=${parts.onInput}>
      ${heading(parts, 'form-title', t(draft.id ? 'editTitle' : 'addTitle'))}
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
        <button class="primary" type="submit" part="save-button" ?disabled=${off} aria-disabled=${parts.saving ? 'true' : 'false'}>
          ${t('save')}
        </button>
        <button class="secondary" type="button" part="cancel-button" ?disabled=${off} @click=${parts.onCancel}>${t('cancel')}</button>
      </div>
    </form>
  `;
}

export interface ConflictParts extends PickerParts {
  onKeepMine(): void;
  onKeepSaved(): void;
}

export function renderConflict(parts: ConflictParts, mine: AddressDraft, current: Address) {
  const { t, disabled } = parts;
  return html`
    <section class="conflict" part="conflict" aria-labelledby="conflict">
      ${heading(parts, 'conflict', t('conflict'))}
      <p>${t('conflictText')}</p>
      <div class="versions">
        <section aria-labelledby="mine">${heading(parts, 'mine', t('yourVersion'), 1)}<address>${envelope(t, mine)}</address></section>
        <section aria-labelledby="theirs">
          ${heading(parts, 'theirs', t('savedVersion'), 1)}
          <address>${envelope(t, current)}</address>
        </section>
      </div>
      <div class="actions">
        <button class="primary" part="keep-mine-button" ?disabled=${disabled} @click=${parts.onKeepMine}>${t('keepMine')}</button>
        <button class="secondary" part="keep-saved-button" ?disabled=${disabled} @click=${parts.onKeepSaved}>${t('keepSaved')}</button>
      </div>
    </section>
  `;
}

/** Before an address goes: which one, and the choice to remove it or not. */
export function renderRemoval(parts: PickerParts, removal: { address: Address; busy: boolean }, actions: { onConfirm(): void; onCancel(): void }) {
  const { t, disabled } = parts;
  // A group named by its heading and described by the question: focus on "cancel" reads both; Escape cancels.
  return html`<section
    class="removal"
    part="removal"
    role="group"
    aria-labelledby="removal-title"
    aria-describedby="removal-question"
    @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && actions.onCancel()}
  >
    ${heading(parts, 'removal-title', t('remove'))}
    <p id="removal-question">${t('removeConfirm', { address: addressLine(t, removal.address) })}</p>
    <div class="actions">
      <button class="primary" part="confirm-remove-button" ?disabled=${disabled} aria-disabled=${removal.busy ? 'true' : 'false'} @click=${actions.onConfirm}>
        ${t('removeConfirmButton')}
      </button>
      <button class="secondary" part="cancel-remove-button" ?disabled=${disabled || removal.busy} @click=${actions.onCancel}>${t('cancel')}</button>
    </div>
  </section>`;
}

/** Another account was chosen while this one's address is being edited: discard the edit, or finish it first. */
export function renderSwitchQuestion(parts: PickerParts, account: Account, actions: { onDiscard(): void; onKeep(): void }) {
  const { t } = parts;
  const label = account.type === 'business' ? (account.company ?? t('accountBusiness')) : t('accountPrivate');
  return html`<div class="switch" part="switch-question">
    <p role="alert">${t('switchPending', { account: label })}</p>
    <div class="actions">
      <button class="secondary" part="discard-button" @click=${actions.onDiscard}>${t('discardAndSwitch')}</button>
      <button class="primary" part="keep-editing-button" @click=${actions.onKeep}>${t('keepEditing')}</button>
    </div>
  </div>`;
}

export function renderBilling(parts: PickerParts, billing: Address) {
  const { t } = parts;
  return html`<section class="billing" part="billing" aria-labelledby="billing-title">
    ${heading(parts, 'billing-title', t('billingTitle'))}
    <address>${envelope(t, billing)}</address>
    <p class="note">${t('billingNote')}</p>
  </section>`;
}

/** The alert (what failed, and what the customer can do) and the status line (saving, saved). */
export function renderMessages(parts: PickerParts, view: AddressPickerView, actions: { onSignInAgain(): void; onRetry(): void }) {
  const { t } = parts;
  const kept = view.draft && view.error && view.error !== 'validation' && view.error !== 'conflict';
  const loadFailed = view.status === 'load-error';
  return html`<div class="alert" part="message" role="alert" id="message" tabindex="-1">${view.error
      ? html`<p>${t(loadFailed ? 'loadFailed' : view.error)}${loadFailed ? ` ${t(view.error)}` : nothing}${kept
            ? ` ${t('kept')}`
            : nothing}</p>${renderRecovery(parts, view, actions)}`
      : nothing}</div>
    <p class="status" part="status" role="status">${statusLine(view, t)}</p>`;
}

function statusLine(view: AddressPickerView, t: Translate) {
  if (view.saving) return t('saving');
  if (view.removal?.busy) return t('removing');
  if (view.saved) return t('saved');
  return view.removed ? t('removed') : nothing;
}

function renderRecovery({ t }: PickerParts, view: AddressPickerView, actions: { onSignInAgain(): void; onRetry(): void }) {
  if (view.error === 'session_expired') {
    return html`<div class="actions"><button class="secondary" @click=${actions.onSignInAgain}>${t('signInAgain')}</button></div>`;
  }
  if (view.status === 'load-error') {
    return html`<div class="actions"><button class="secondary" @click=${actions.onRetry}>${t('retry')}</button></div>`;
  }
  if (view.error === 'limit_reached') return html`<p>${t('limitNote')}</p>`;
  if (view.error === 'not_allowed') return html`<p>${t('readOnlyNote')}</p>`;
  return nothing;
}
