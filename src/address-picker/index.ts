export { AddressPicker, type AddressPickerView } from './address-picker.js';
export * from './address-picker.events.js';
