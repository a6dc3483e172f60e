import type { OtpField } from './field-finder';

/**
 * Types `value` the way frameworks notice: the input's own prototype setter (React keeps a
 * value tracker on the element that a plain assignment from the page's world would bypass),
 * then the input and change events React, Angular and Vue listen for. Never submits.
 */
function setValue(input: HTMLInputElement, value: string): void {
  const view = input.ownerDocument.defaultView ?? window;
  const setter = Object.getOwnPropertyDescriptor(view.HTMLInputElement.prototype, 'value')?.set;
  input.focus();
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new view.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  input.dispatchEvent(new view.Event('change', { bubbles: true }));
}

/** Puts the code into the field (one character per box for split fields). */
export function fillField(field: OtpField, code: string): void {
  if (field.kind === 'single') {
    setValue(field.input, code);
    return;
  }
  field.inputs.forEach((input, i) => setValue(input, code[i] ?? ''));
  field.inputs[Math.min(code.length, field.inputs.length) - 1]?.focus();
}
