// Runs otp-desk commands one after another and prints, as one JSON line, each one's exit status
// and the number of 'OTP Desk' keychain items after it. Started by privateKeyringSteps() inside a
// Secret Service of its own, so items other test files add in parallel are never counted.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import process from 'node:process';

const keytar = createRequire(import.meta.url)('keytar');

const [cli, stepsJson] = process.argv.slice(2);
const results = [];
for (const args of JSON.parse(stepsJson)) {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  results.push({ status: run.status, items: (await keytar.findCredentials('OTP Desk')).length });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
