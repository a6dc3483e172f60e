import { copyFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { expect, screenshotPath, test } from './fixtures';
import { CORPUS, hasCorpus } from './import-helpers';
import { backToCodes, openSync, startDevice, stopDevice, tempDir, type Device } from './sync-helpers';

let device: Device | undefined;
test.afterEach(async () => {
  if (device) await stopDevice(device);
  device = undefined;
});

test('Settings › Sync names the phone apps it follows and where they write; following a 2FAS folder brings its accounts', async ({ browser }) => {
  test.skip(!hasCorpus, 'needs the corpus');
  test.setTimeout(60_000);
  device = await startDevice(browser, []);
  const folder = tempDir('e2e-phone-');
  const backup = join(folder, '2fas-backup-20261201100000.2fas');
  copyFileSync(join(CORPUS, 'aegis-importers', '2fas_authenticator_encrypted_v4.2fas'), backup);
  utimesSync(backup, new Date(Date.UTC(2026, 11, 1)), new Date(Date.UTC(2026, 11, 1)));

  const sync = await openSync(device.page);
  const form = sync.getByRole('form', { name: "Follow a phone's backups" });
  const where = form.getByRole('list', { name: 'Where each app writes its backups' });
  await expect(where.getByRole('listitem')).toHaveText([/^Aegis: .*aegis-backup-/, /^2FAS: .*2fas-backup-/, /^Ente Auth: .*ente-auth-daily-backup-/]);
  await form.getByLabel('Backup folder (Aegis, 2FAS or Ente Auth)').fill(folder);
  await form.getByLabel('Backup password').fill('test');
  await form.getByRole('button', { name: 'Follow' }).click();
  await expect(form.getByRole('list', { name: 'Followed folders' })).toContainText('2FAS: last read 2fas-backup-20261201100000.2fas');
  await device.page.setViewportSize({ width: 480, height: 1400 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await device.page.emulateMedia({ colorScheme });
    await form.screenshot({ path: screenshotPath(`settings-sync-follow-${colorScheme}.png`) });
  }
  await backToCodes(device.page);
  await expect(device.page.getByRole('button', { name: /Copy code for Deno/ })).toBeVisible();
});
