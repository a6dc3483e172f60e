// Child-process entry for qr-curved.test.ts: two callers load OpenCV's curved reader at once, in a
// fresh process where OpenCV has not started yet, as two decoders in one process would.
import { loadCurvedQrReader } from '../../electron/core/qr/qr-curved.node';

const hung = setTimeout(() => {
  console.error('one load never finished');
  process.exit(1);
}, 20_000);
void Promise.all([loadCurvedQrReader(), loadCurvedQrReader()]).then((readers) => {
  clearTimeout(hung);
  console.log(`${readers.filter((r) => typeof r === 'function').length} readers`);
});
