import type { ReactiveControllerHost } from 'lit';
import { diagnosticOf } from '../core/diagnostics.js';
import { removeAddress, toErrorCode, withOnline, type Address } from './address-api.js';
import { FOCUS_CHOICE, type PickerAccess } from './address-editor.js';
import { AddressPickerErrorEvent, AddressPickerRemoveEvent } from './address-picker.events.js';

/**
 * Removing an online-services address that no longer serves: asked first, then removed through the API (`If-Match`
 * the version shown). The account's last one stays: the customer is told why, without asking the API.
 */
export type RemovalState = { step: 'idle'; removed: boolean } | { step: 'confirm' | 'removing'; address: Address };

export class AddressRemoval {
  state: RemovalState = { step: 'idle', removed: false };
  /** One per question: "remove" pressed again after a failure is the same request. */
  private idempotencyKey = '';
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly picker: PickerAccess;

  constructor(host: ReactiveControllerHost & HTMLElement, picker: PickerAccess) {
    this.host = host;
    this.picker = picker;
  }

  private set(state: RemovalState, focus?: string[]): void {
    this.state = state;
    if (focus) this.picker.focusAfterUpdate(focus);
    this.host.requestUpdate();
  }

  ask(address: Address): void {
    if (this.picker.inert()) return;
    if (this.picker.book().online.length <= 1) {
      this.picker.showError('last_address', ['#message']);
      this.host.dispatchEvent(new AddressPickerErrorEvent('last_address', 'remove'));
      return;
    }
    this.picker.showError(null);
    this.idempotencyKey = crypto.randomUUID();
    // Focus on the way out that loses nothing (a destructive question's usual first focus); Tab reaches "remove".
    this.set({ step: 'confirm', address }, ['[part~="cancel-remove-button"]']);
  }

  /** Not removed: back to the "remove" button the question came from. */
  cancel(): void {
    if (this.state.step === 'confirm') this.set({ step: 'idle', removed: false }, ['[part~="remove-button"]', ...FOCUS_CHOICE]);
  }

  /** Forgets a question or a confirmation (another customer or account). */
  reset(): void {
    this.state = { step: 'idle', removed: false };
  }

  async confirm(): Promise<void> {
    const api = this.picker.api();
    const customer = this.picker.customer();
    if (this.state.step !== 'confirm' || !api || !customer || this.picker.inert()) return;
    const { address } = this.state;
    this.set({ step: 'removing', address });
    try {
      await this.picker.withAuth((authorize) => removeAddress(api, customer.accountId, authorize, address, this.idempotencyKey, this.picker.timeout()));
      if (customer.scope.aborted) return;
      const book = this.picker.book();
      this.picker.setBook(withOnline(book, book.online.filter((each) => each.id !== address.id)));
      this.set({ step: 'idle', removed: true }, FOCUS_CHOICE);
      this.host.dispatchEvent(new AddressPickerRemoveEvent(address.id));
      this.picker.unchoose(address.id);
    } catch (error) {
      if (customer.scope.aborted) return;
      const code = toErrorCode(error);
      this.set({ step: 'idle', removed: false });
      // Changed meanwhile: the list as it is now (the load clears the alert, so the alert comes after it).
      if (code === 'conflict') await this.picker.reload();
      if (customer.scope.aborted) return;
      this.picker.showError(code, ['#message']);
      this.host.dispatchEvent(new AddressPickerErrorEvent(code, 'remove', diagnosticOf(error, code)));
    }
  }
}
