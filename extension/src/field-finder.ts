/**
 * Finds the one-time-code field on a page: pure DOM reading, no extension APIs, so it is unit
 * tested over saved login forms. Order: the focused field when it can hold a code; a field
 * marked autocomplete="one-time-code"; one box per digit; then KeePassXC-Browser's name/id/
 * placeholder heuristics with its exclusions (content/totp-field.js).
 */

/** A single field, or one box per character (filled left to right). */
export type OtpField =
  | { readonly kind: 'single'; readonly input: HTMLInputElement }
  | { readonly kind: 'split'; readonly inputs: readonly HTMLInputElement[] };

const ALLOWED_TYPES = new Set(['', 'text', 'tel', 'number', 'password']);
/** Words in id/name/placeholder/aria-label that mark a code field (KeePassXC-Browser's list, plus a few). */
const OTP_WORDS = /one[-_ ]?time|otp|2fa|2fpin|mfa|two[-_ ]?factor|twofa|totp|auth(enticat|[-_ ]?code|app)|challenge|verification|verify|security[-_ ]?code|idvpin|token|passcode|\bcode\b|code$|^code|_code|-code|code_|code-|pin$/i;
/** A "code" that is not a one-time code (KeePassXC-Browser's ignore list, widened). */
const NOT_OTP = /(bank|coupon|promo|voucher|discount|gift|postal|post|zip|country|area|invite|referral|captcha|card|tracking|product|sort|swift|tax|vat|user).{0,3}(code|num|token)|(en|de)code(d|r)?|comment|author|error|search|csrf|xsrf|authenticity|cvc|cvv|iban/i;
/** Identity fields by id or name (`user[otp_attempt]` is GitLab's code field, so whole words only). */
const IDENTITY = /username|e-?mail|^login$|^user$|^(current-?|new-?)?password$|^passwd$|^pass$/i;
/** Codes are 5 (Steam) to 10 characters: a shorter max length can't hold one, a much longer one is some other field. */
const MIN_CODE_LENGTH = 5;
const MAX_FIELD_LENGTH = 10;

function attrs(input: HTMLInputElement): string {
  return ['id', 'name', 'placeholder', 'aria-label', 'data-testid', 'class']
    .map((a) => input.getAttribute(a) ?? '')
    .join(' ')
    .toLowerCase();
}

/** The label text a person reads next to the field (for forms whose inputs are named "f1"). */
function labelText(input: HTMLInputElement): string {
  const labels = input.labels ? Array.from(input.labels) : [];
  const labelledBy = (input.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? input.ownerDocument.getElementById(id) : null));
  return [...labels, ...labelledBy]
    .map((l) => l?.textContent ?? '')
    .join(' ')
    .toLowerCase();
}

function isHidden(element: Element): boolean {
  for (let e: Element | null = element; e; e = e.parentElement) {
    if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') return true;
    const style = e.ownerDocument.defaultView?.getComputedStyle(e);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
  return false;
}

/** Editable, visible and of a type that can take a code. */
export function isEditableTextInput(element: Element | null | undefined): element is HTMLInputElement {
  if (!element || element.tagName !== 'INPUT') return false;
  const input = element as HTMLInputElement;
  const type = (input.getAttribute('type') ?? '').toLowerCase();
  return ALLOWED_TYPES.has(type) && !input.readOnly && !input.disabled && !isHidden(input);
}

const isOneTimeCode = (input: HTMLInputElement) => (input.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/).includes('one-time-code');

/** A field that could hold a whole code: not a username/email/password field, and long enough. */
function canHoldCode(input: HTMLInputElement): boolean {
  const autocomplete = (input.getAttribute('autocomplete') ?? '').toLowerCase();
  if (/username|email|current-password|new-password|postal-code|cc-/.test(autocomplete)) return false;
  if (input.inputMode === 'email' || input.getAttribute('inputmode') === 'email') return false;
  const max = input.maxLength;
  if (max > 0 && (max < MIN_CODE_LENGTH || max > MAX_FIELD_LENGTH)) return false;
  const text = attrs(input);
  if (NOT_OTP.test(text)) return false;
  if ((input.getAttribute('type') ?? '').toLowerCase() === 'password' && !/otp|2fa|mfa|totp|one[-_ ]?time/.test(text)) return false;
  return ![input.getAttribute('id') ?? '', input.getAttribute('name') ?? ''].some((n) => IDENTITY.test(n));
}

function looksLikeOtp(input: HTMLInputElement): boolean {
  if (isOneTimeCode(input)) return true;
  return canHoldCode(input) && (OTP_WORDS.test(attrs(input)) || /one-time|verification code|authentication code|security code|2fa|mfa|otp|authenticator/.test(labelText(input)));
}

/** A frame's document when it is same-origin; null (or a throw, in some browsers) for other origins. */
function frameDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/** Every input in the document, its open shadow roots and its same-origin frames (cross-origin frames throw or give null). */
export function allInputs(root: Document | ShadowRoot): HTMLInputElement[] {
  const found: HTMLInputElement[] = [];
  const walk = (node: Document | ShadowRoot | Element) => {
    for (const element of Array.from(node.querySelectorAll('*'))) {
      if (element.tagName === 'INPUT') found.push(element as HTMLInputElement);
      if (element.shadowRoot) walk(element.shadowRoot);
      if (element.tagName === 'IFRAME' || element.tagName === 'FRAME') {
        const inner = frameDocument(element);
        if (inner) walk(inner);
      }
    }
  };
  walk(root);
  return found;
}

/** One box per character: 4 to 8 visible single-character inputs sharing a close ancestor. */
function splitGroupOf(input: HTMLInputElement, inputs: readonly HTMLInputElement[]): HTMLInputElement[] | null {
  if (input.maxLength !== 1 || !isEditableTextInput(input)) return null;
  let container: Element | null = input.parentElement;
  for (let depth = 0; container && depth < 3; depth++, container = container.parentElement) {
    const group = inputs.filter((i) => i.maxLength === 1 && isEditableTextInput(i) && container!.contains(i));
    if (group.length >= 4 && group.length <= 8) return group;
    if (group.length > 8) return null;
  }
  return null;
}

/** The element that has focus, looking inside open shadow roots and same-origin frames. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  for (;;) {
    if (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    else if (active && (active.tagName === 'IFRAME' || active.tagName === 'FRAME')) {
      const inner = frameDocument(active);
      if (!inner?.activeElement || inner.activeElement === inner.body) return active;
      active = inner.activeElement;
    } else return active;
  }
}

/** The field to fill, or null when the page has none OTP Desk should touch. */
export function findOtpField(doc: Document, focused: Element | null = deepActiveElement(doc)): OtpField | null {
  const inputs = allInputs(doc);
  // What the user is in decides first: a focused code-capable field, or a box of a split code.
  if (isEditableTextInput(focused)) {
    const group = splitGroupOf(focused, inputs);
    if (group) return { kind: 'split', inputs: group };
    if (looksLikeOtp(focused)) return { kind: 'single', input: focused };
  }
  const editable = inputs.filter(isEditableTextInput);
  const marked = editable.find((i) => isOneTimeCode(i) && i.maxLength !== 1);
  if (marked) return { kind: 'single', input: marked };
  for (const input of editable) {
    const group = splitGroupOf(input, inputs);
    if (group) return { kind: 'split', inputs: group };
  }
  const named = editable.find((i) => i.maxLength !== 1 && looksLikeOtp(i));
  if (named) return { kind: 'single', input: named };
  // Nothing on the page looks like a code field, but the user chose this one (an input named "f1").
  return isEditableTextInput(focused) && canHoldCode(focused) ? { kind: 'single', input: focused } : null;
}

/** Whether a field (e.g. the one that just got focus) is one OTP Desk offers its icon on. */
export function isOtpCandidate(input: HTMLInputElement): boolean {
  return isEditableTextInput(input) && (looksLikeOtp(input) || (input.maxLength === 1 && splitGroupOf(input, allInputs(input.ownerDocument)) !== null));
}
