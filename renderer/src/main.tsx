import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { QuickPanel } from './components/panel/QuickPanel';
import { exposeQrSelfTest } from './qr/qr-self-test';
import './styles.css';

exposeQrSelfTest(window as { otpDeskQrSelfTest?: never });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* The tray's quick-copy panel is the same page, loaded with ?panel=quick. */}
    {new URLSearchParams(location.search).get('panel') === 'quick' ? <QuickPanel /> : <App />}
  </StrictMode>,
);
