/**
 * Events of `<address-picker>` besides the native-named `change` and `input` it fires when the customer chooses an
 * address: bubbling, composed, prefixed with the tag name; never a token, never address text.
 */
const init: EventInit = { bubbles: true, composed: true };

/** Why loading or saving failed. `validation` means the customer has fields to correct. */
export type AddressErrorCode =
  | 'unreachable'
  | 'timeout'
  | 'server'
  | 'malformed'
  | 'session_expired'
  | 'conflict'
  | 'limit_reached'
  /** The account's last online-services address cannot be removed. */
  | 'last_address'
  /** This site's access does not cover it (a partner site may read addresses, not change them). */
  | 'not_allowed'
  | 'validation';

/** An online-services address was removed. */
export class AddressPickerRemoveEvent extends Event {
  readonly addressId: string;
  constructor(addressId: string) {
    super('address-picker-remove', init);
    this.addressId = addressId;
  }
}

/** An online-services address was saved; `created` is false when an existing one was changed. */
export class AddressPickerSaveEvent extends Event {
  readonly addressId: string;
  readonly created: boolean;
  constructor(addressId: string, created: boolean) {
    super('address-picker-save', init);
    this.addressId = addressId;
    this.created = created;
  }
}

/**
 * Loading, saving or removing an address failed; what the customer typed is kept. `diagnostic` says more for developers
 * (the API's status and error code), never a token or address text.
 */
export class AddressPickerErrorEvent extends Event {
  readonly code: AddressErrorCode;
  readonly action: 'load' | 'save' | 'remove';
  readonly diagnostic: string;
  constructor(code: AddressErrorCode, action: 'load' | 'save' | 'remove', diagnostic: string = code) {
    super('address-picker-error', init);
    this.code = code;
    this.action = action;
    this.diagnostic = diagnostic;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'address-picker-save': AddressPickerSaveEvent;
    'address-picker-remove': AddressPickerRemoveEvent;
    'address-picker-error': AddressPickerErrorEvent;
  }
}
