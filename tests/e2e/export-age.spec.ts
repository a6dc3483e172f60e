import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, screenshotPath, test } from './fixtures';
import { dropFiles } from './import-helpers';

// Escrow to people in the app (issue 22): the export panel's recipients box and opening an age
// file in the import review with an identity. Keys come from age-keygen and ssh-keygen; the
// downloaded file is decrypted with the age CLI (the age-tools check lives in cli-age.test.ts).

test.use({
  seed: {
    accounts: [
      { issuer: 'Amazon Web Services', account: 'root@123456789012', secret: 'JBSWY3DPEHPK3PXP' },
      { issuer: 'GitHub', account: 'ops-bot', secret: 'KRSXG5CTMVRXEZLU' },
    ],
  },
});

const dir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'e2e-age-'));
const sshKey = (name: string, passphrase = '') => {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', `${name}@example.com`, '-f', join(dir, name)]);
  return { path: join(dir, name), pub: readFileSync(join(dir, `${name}.pub`), 'utf8').trim(), fingerprint: execFileSync('ssh-keygen', ['-l', '-f', join(dir, `${name}.pub`)]).toString().split(' ')[1]! };
};
const alice = sshKey('alice');
const bob = sshKey('bob');
const carol = sshKey('carol', 'carol passphrase');
execFileSync('age-keygen', ['-o', join(dir, 'dave.txt')], { stdio: 'ignore' });
const dave = execFileSync('age-keygen', ['-y', join(dir, 'dave.txt')]).toString().trim();

test('the recipients box shows each key with its fingerprint, names a malformed one, and adds a file of keys; age decrypts the export', async ({ app, page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await page.getByLabel('Format').selectOption('age');
  const box = page.getByRole('group', { name: 'Recipients' });
  const found = box.getByRole('list', { name: 'Recipients found' }).getByRole('listitem');

  await box.getByLabel('Public keys, one a line').fill(alice.pub);
  await expect(found).toHaveCount(1);
  await expect(found.first()).toHaveText(`SSH ed25519${alice.fingerprint}alice@example.com`);

  // A key cut off in the middle is refused by its line and its start, and the export is not made.
  await box.getByLabel('Public keys, one a line').fill(`${alice.pub}\n${bob.pub.slice(0, 40)}`);
  await expect(box.getByRole('alert')).toHaveText(`Recipients, line 2: ${bob.pub.slice(0, 20)}… is not a valid ssh-ed25519 public key (damaged or cut off). Copy the whole line from the .pub file.`);
  await expect(found).toHaveCount(0);
  await page.getByRole('button', { name: 'Export 2 accounts' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Recipients, line 2');

  // A team's keys file (age key and an SSH key, with a comment) joins the good key.
  await box.getByLabel('Public keys, one a line').fill(alice.pub);
  writeFileSync(join(dir, 'team.keys'), `# break-glass admins\n${bob.pub}\n${dave}\n`);
  await box.getByLabel('Files of public keys').setInputFiles(join(dir, 'team.keys'));
  await expect(found).toHaveCount(3);
  await expect(found.nth(1)).toContainText(bob.fingerprint);
  await expect(found.nth(2)).toHaveText(`age key${dave.slice(0, 12)}…${dave.slice(-8)}`);
  await expect(box.getByText('3 recipients')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await box.screenshot({ path: screenshotPath(`export-age-recipients-${scheme}.png`) });
  }

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export 2 accounts' }).click();
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toMatch(/^otp-desk-\d{8}-\d{6}-links\.txt\.age$/);
  expect(readFileSync(file).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
  for (const identity of [alice.path, bob.path, join(dir, 'dave.txt')]) {
    const links = execFileSync('age', ['-d', '-i', identity, file]).toString().split('\n').filter((l) => l.startsWith('otpauth://'));
    expect(links.map((l) => new URL(l).searchParams.get('secret')).sort()).toEqual(['JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU']);
  }
});

test('an age file in the import opens with an identity file; a wrong one says so; an SSH key with a passphrase asks for it', async ({ app, page }) => {
  const list = join(dir, 'links.txt');
  writeFileSync(list, 'otpauth://totp/Break%20Glass:admin?secret=GEZDGNBVGY3TQOJQ&issuer=Break%20Glass\n');
  execFileSync('age', ['-e', '-R', `${carol.path}.pub`, '-R', `${bob.path}.pub`, '-o', join(dir, 'escrow.age'), list]);
  await app.open(page);
  await dropFiles(page, [{ name: 'escrow.age', type: 'application/octet-stream', bytes: readFileSync(join(dir, 'escrow.age')) }]);
  const prompt = page.getByRole('form', { name: 'Age file' });
  await expect(prompt).toContainText('This file is encrypted with age: escrow.age');

  await prompt.getByLabel('Identity file').setInputFiles(alice.path);
  await prompt.getByRole('button', { name: 'Open' }).click();
  await expect(prompt.getByRole('alert')).toHaveText('alice does not open escrow.age: it is encrypted to 2 ssh-ed25519 keys, none of them this key. Use the identity of one of its recipients. Nothing was imported.');

  await prompt.getByLabel('Identity file').setInputFiles(carol.path);
  await prompt.getByRole('button', { name: 'Open' }).click();
  await expect(prompt.getByText('carol is protected by a passphrase.')).toBeVisible();
  await expect(prompt.getByRole('alert')).toHaveCount(0);
  await prompt.getByLabel('SSH key passphrase').fill('not it');
  await prompt.getByRole('button', { name: 'Open' }).click();
  await expect(prompt.getByRole('alert')).toHaveText('Wrong passphrase for the SSH private key carol. Nothing was imported.');
  await prompt.screenshot({ path: screenshotPath('import-age-identity.png') });
  await prompt.getByLabel('SSH key passphrase').fill('carol passphrase');
  await prompt.getByRole('button', { name: 'Open' }).click();

  const found = page.getByRole('list', { name: 'Accounts found' }).getByRole('listitem');
  await expect(found).toHaveCount(1, { timeout: 20_000 });
  await expect(found.first()).toContainText('Break Glass / admin');
  await expect(prompt).toHaveCount(0);
  await page.getByRole('button', { name: 'Save 1 account' }).click();
  await expect(page.getByText('Break Glass')).toBeVisible();
});
