// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findOtpField } from '../../extension/src/field-finder';
import { fillField } from '../../extension/src/fill-field';
import { OTP_FORMS } from '../fixtures/otp-forms';

function load(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('the field finder over saved login forms', () => {
  it('has at least 20 forms, with and without a code field', () => {
    expect(OTP_FORMS.length).toBeGreaterThanOrEqual(20);
    expect(OTP_FORMS.some((f) => !f.html.includes('data-expect'))).toBe(true);
  });

  for (const form of OTP_FORMS) {
    it(form.name, () => {
      const doc = load(form.html);
      if (form.focus) (doc.querySelector(form.focus) as HTMLInputElement).focus();
      const found = findOtpField(doc);
      const expectedSplit = Array.from(doc.querySelectorAll('[data-expect="split"]'));
      const expectedSingle = doc.querySelector('[data-expect=""]');
      if (expectedSplit.length > 0) {
        expect(found?.kind).toBe('split');
        expect(found?.kind === 'split' ? found.inputs : []).toEqual(expectedSplit);
      } else if (expectedSingle) {
        expect(found?.kind === 'single' ? found.input : found).toBe(expectedSingle);
      } else {
        expect(found).toBeNull();
      }
    });
  }
});

describe('fields inside shadow roots and same-origin frames', () => {
  it('finds a field inside an open shadow root', () => {
    const doc = load('<div id="host"></div>');
    const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<input name="mfa_code" id="inner">';
    const found = findOtpField(doc);
    expect(found?.kind === 'single' ? found.input : null).toBe(root.getElementById('inner'));
  });

  it('does not see into a closed shadow root (the page hid it on purpose)', () => {
    const doc = load('<div id="host"></div>');
    doc.getElementById('host')!.attachShadow({ mode: 'closed' }).innerHTML = '<input name="otp">';
    expect(findOtpField(doc)).toBeNull();
  });
});

describe('filling', () => {
  it('sets the value and fires input and change events, without submitting', () => {
    const doc = load('<form><input name="otp" autocomplete="one-time-code"></form>');
    const seen: string[] = [];
    let submitted = false;
    const input = doc.querySelector('input')!;
    input.addEventListener('input', () => seen.push(`input:${input.value}`));
    input.addEventListener('change', () => seen.push(`change:${input.value}`));
    doc.querySelector('form')!.addEventListener('submit', () => (submitted = true));
    fillField(findOtpField(doc)!, '123456');
    expect(seen).toEqual(['input:123456', 'change:123456']);
    expect(submitted).toBe(false);
  });

  it('puts one digit in each split box', () => {
    const doc = load(OTP_FORMS.find((f) => f.name.startsWith('Discord'))!.html);
    fillField(findOtpField(doc)!, '907145');
    expect(Array.from(doc.querySelectorAll('input')).map((i) => i.value).join('')).toBe('907145');
  });
});
