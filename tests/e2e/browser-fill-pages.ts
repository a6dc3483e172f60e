/**
 * Local test pages for browser fill, served on 127.0.0.1 under test host names. Each page's own
 * script records what its listeners saw (window.__seen), the way a login page's code would.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

const RECORDER = `<script>
  window.__seen = [];
  document.addEventListener('input', (e) => window.__seen.push(e.composedPath()[0].value), true);
  document.addEventListener('submit', (e) => { e.preventDefault(); window.__submitted = true; }, true);
</script>`;

const page = (title: string, body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${RECORDER}</head><body>${body}</body></html>`;

const FIELD_STYLE = 'style="width:200px;height:28px"';

export const STATIC_PAGES: Record<string, string> = {
  '/otc': page('one-time-code', `<form><label>Code <input id="field" autocomplete="one-time-code" ${FIELD_STYLE}></label><button>Verify</button></form>`),
  '/name-only': page('name only', `<form><input type="text" name="otp" id="field" ${FIELD_STYLE}><button>Verify</button></form>`),
  '/split': page(
    'split',
    `<form><h1>Enter the 6-digit code</h1><div>${[1, 2, 3, 4, 5, 6].map((i) => `<input class="box" maxlength="1" inputmode="numeric" aria-label="Digit ${i}" style="width:24px;height:28px">`).join('')}</div></form>
     <script>document.querySelectorAll('.box').forEach((b, i, all) => b.addEventListener('input', () => { if (b.value && all[i + 1]) all[i + 1].focus(); }));</script>`,
  ),
  '/iframe': page('same-origin frame', `<h1>Sign in</h1><iframe id="frame" src="/name-only" width="400" height="120"></iframe>`),
  '/shadow': page(
    'shadow root',
    `<mfa-box id="box"></mfa-box><script>
      customElements.define('mfa-box', class extends HTMLElement {
        connectedCallback() { const root = this.attachShadow({ mode: 'open' }); root.innerHTML = '<label>Verification code <input id="field" name="mfa_code" style="width:200px;height:28px"></label>'; }
      });</script>`,
  ),
  // Shaped like the AWS console's MFA step (signin.aws.amazon.com): an mfacode field, no autocomplete hint.
  '/aws': page(
    'Amazon Web Services Sign-In',
    `<div id="mfa_form"><div class="mfa-title">Multi-factor authentication</div><p>Your account is secured using multi-factor authentication (MFA).</p>
     <label for="mfacode">MFA code</label><input id="mfacode" name="mfacode" type="text" autocomplete="off" maxlength="6" ${FIELD_STYLE}>
     <a id="mfa_troubleshoot" href="#">Troubleshoot MFA</a><button id="submitMfa_button" type="button">Submit</button></div>`,
  ),
  // Shaped like github.com/sessions/two-factor/app.
  '/github': page(
    'Two-factor authentication',
    `<form action="/sessions/two-factor" method="post"><input type="hidden" name="authenticity_token" value="x">
     <h1>Two-factor authentication</h1><label for="app_totp">Authentication code</label>
     <input type="text" name="app_otp" id="app_totp" class="form-control input-block" autocomplete="one-time-code" inputmode="numeric" maxlength="6" placeholder="XXXXXX" ${FIELD_STYLE}>
     <button type="submit">Verify</button></form>`,
  ),
};

/** A page that frames another origin's code form (the port is filled in at serve time). */
export const crossOriginFramePage = (frameSrc: string) => page('framing page', `<h1>Totally your bank</h1><iframe id="frame" src="${frameSrc}" width="400" height="120"></iframe>`);

/** A React-controlled input: the value React keeps in state is what the page shows in #state. */
export async function reactPage(): Promise<string> {
  // Loaded from the checkout at run time, so the bench bundle (which also serves these pages) does not inline esbuild.
  const { build } = createRequire(join(process.cwd(), 'package.json'))('esbuild') as typeof import('esbuild');
  const result = await build({
    stdin: {
      contents: `import { useState } from 'react'; import { createRoot } from 'react-dom/client';
        function App() { const [code, setCode] = useState('');
          return <form><label>Code <input name="otp" id="field" value={code} onChange={(e) => setCode(e.target.value)} style={{ width: 200, height: 28 }} /></label><output id="state">{code}</output></form>; }
        createRoot(document.getElementById('root')).render(<App />);`,
      loader: 'tsx',
      resolveDir: join(process.cwd()),
    },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return page('react', `<div id="root"></div><script>${result.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script')}</script>`);
}
