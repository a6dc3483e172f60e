/**
 * What the extension draws on a page: the in-field icon, a short notice and the account
 * chooser. Notices and the chooser live in closed shadow roots so the page's scripts can't
 * read which accounts the user has; the icon's root is open (it shows nothing private) and
 * acts only on trusted clicks.
 */

/** Builds an element with attributes and text (no innerHTML: nothing on a page is parsed as markup). */
function el(tag: string, attributes: Record<string, string> = {}, text = ''): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.textContent = text;
  return element;
}

/** A padlock, drawn with SVG elements. */
function lockIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 16 16', width: '14', height: '14', 'aria-hidden': 'true' })) svg.setAttribute(k, v);
  const body = document.createElementNS(ns, 'rect');
  for (const [k, v] of Object.entries({ x: '2', y: '7', width: '12', height: '8', rx: '2', fill: 'currentColor' })) body.setAttribute(k, v);
  const shackle = document.createElementNS(ns, 'path');
  for (const [k, v] of Object.entries({ d: 'M5 7V5a3 3 0 0 1 6 0v2', stroke: 'currentColor', 'stroke-width': '1.6', fill: 'none' })) shackle.setAttribute(k, v);
  svg.append(body, shackle);
  return svg;
}

function overlayHost(attribute: string, mode: ShadowRootMode): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('otp-desk-overlay');
  host.setAttribute(attribute, '');
  host.style.cssText = 'all: initial; position: fixed; z-index: 2147483647;';
  const root = host.attachShadow({ mode });
  (document.body ?? document.documentElement).append(host);
  return { host, root };
}

let icon: { host: HTMLElement; input: HTMLInputElement } | undefined;

/** Shows the icon at the right edge of `input`; `onClick` runs on a trusted click only. */
export function showIcon(input: HTMLInputElement, onClick: () => void): void {
  hideIcon();
  const { host, root } = overlayHost('data-otp-desk-icon', 'open');
  const button = el('button', { type: 'button', title: 'Fill the one-time code from OTP Desk', 'aria-label': 'Fill the one-time code from OTP Desk' });
  button.append(lockIcon());
  root.append(el('style', {}, 'button{all:unset;cursor:pointer;display:grid;place-items:center;width:20px;height:20px;border-radius:4px;color:#fff;background:#2563eb}button:focus-visible{outline:2px solid #1d4ed8}'), button);
  const rect = input.getBoundingClientRect();
  host.style.left = `${Math.max(0, rect.right - 24)}px`;
  host.style.top = `${rect.top + Math.max(0, (rect.height - 20) / 2)}px`;
  // Keep the focus (and the caret) in the field while the icon is pressed.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    event.stopPropagation();
    onClick();
  });
  icon = { host, input };
}

export function hideIcon(): void {
  icon?.host.remove();
  icon = undefined;
}

export const iconInput = (): HTMLInputElement | undefined => icon?.input;

/** A notice in the page's corner for a few seconds: why nothing was filled. */
export function showNotice(message: string): void {
  const { host, root } = overlayHost('data-otp-desk-notice', 'closed');
  host.style.top = '12px';
  host.style.right = '12px';
  root.append(
    el('style', {}, 'div{font:13px/1.4 system-ui,sans-serif;max-width:340px;padding:10px 12px;border-radius:8px;background:#111827;color:#f9fafb;box-shadow:0 4px 16px #0004}'),
    el('div', { role: 'status' }, `OTP Desk: ${message}`),
  );
  setTimeout(() => host.remove(), 6000);
}

/** Several accounts fit this site: the user picks one (arrow keys and Enter, or a click); Escape cancels. */
export function chooseAccount(accounts: readonly { id: string; label: string }[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const { host, root } = overlayHost('data-otp-desk-chooser', 'closed');
    host.style.top = '12px';
    host.style.right = '12px';
    const list = el('div', { role: 'listbox', 'aria-label': 'Choose the account to fill' });
    list.append(el('p', {}, 'Which account?'));
    root.append(el('style', {}, 'div{font:13px system-ui,sans-serif;background:#fff;color:#111;border:1px solid #ccc;border-radius:8px;padding:6px;box-shadow:0 4px 16px #0003;display:grid;gap:2px}p{margin:4px 6px}button{all:unset;padding:6px 8px;border-radius:4px;cursor:pointer}button:focus{background:#2563eb;color:#fff}'), list);
    const buttons = accounts.map((account) => {
      const button = el('button', { role: 'option' }, account.label);
      button.addEventListener('click', (event) => event.isTrusted && done(account.id));
      list.append(button);
      return button;
    });
    const done = (id: string | undefined) => {
      host.remove();
      resolve(id);
    };
    list.addEventListener('keydown', (event) => {
      const index = buttons.indexOf(root.activeElement as HTMLButtonElement);
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        buttons[(index + (event.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
      } else if (event.key === 'Escape') done(undefined);
    });
    buttons[0]?.focus();
  });
}
