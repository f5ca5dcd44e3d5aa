import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { AddressPickerMessages } from '../i18n/address-picker.en.js';
import type { AddressService } from './address-api.js';
import type { AddressPickerView } from './address-picker.templates.js';

/**
 * `<address-picker>` as a form field: its attributes and properties, and what a host `<form>` and its validation see
 * of it (form association through ElementInternals, like a native field).
 */
export class AddressPickerField extends LitElement {
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

  /** Overrides for any visible or assistive string (keys of the exported `AddressPickerMessages` type); `text-*` attributes work too. */
  @property({ attribute: false }) texts: Partial<AddressPickerMessages> = {};

  /** Shows a fixed state for design reviews (Storybook); nothing is loaded or saved. Never set it on a live page. */
  @property({ attribute: false }) preview: Partial<AddressPickerView> | null = null;

  protected readonly internals = this.attachInternals();
  /** Disabled by a surrounding `<fieldset>`. */
  protected formDisabled = false;
  private chosenId = '';

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

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: string | null): void {
    this.value = state ?? '';
  }

  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** Tells the host form the value and validity (the picker knows which values it offers). */
  protected syncForm(): void {}
}
