import { defineElement } from '../core/define-element.js';
import { AddressPicker } from './address-picker.js';

export { AddressPicker, type AddressPickerView } from './address-picker.js';
export * from './address-picker.events.js';

defineElement('address-picker', AddressPicker);
