import { rmSync } from 'node:fs';
import { expect, screenshotPath, test } from './fixtures';
import { addAndSyncAcross, backToCodes, openSync, shootFieldset, startDevice, stopDevice, tempDir, type Device } from './sync-helpers';

const GITHUB = { issuer: 'GitHub', account: 'alice', secret: 'JBSWY3DPEHPK3PXP' };
const SYNC_PASSWORD = 'violet tractor umbrella 41';
const DROPBOX = { issuer: 'Dropbox', account: 'bob', secret: 'GEZDGNBVGY3TQOJQ' };

let folder = '';
const devices: Device[] = [];
test.beforeEach(() => {
  folder = tempDir('e2e-sync-folder-');
});
test.afterEach(async () => {
  for (const d of devices.splice(0)) await stopDevice(d);
});

test('two devices pair through a folder: an add arrives, a merge removal restores from the Trash, a device is removed', async ({ browser }) => {
  test.setTimeout(90_000);
  const a = await startDevice(browser, [GITHUB]);
  const b = await startDevice(browser, []);
  devices.push(a, b);

  // A sets the folder up and shows a pairing code; B joins with it, typed into Settings › Sync.
  const syncA = await openSync(a.page);
  await syncA.getByLabel('Sync folder').fill(folder);
  await syncA.getByLabel('Name of this device').fill('Desk A');
  await syncA.getByRole('button', { name: 'Set up sync' }).click();
  await expect(syncA.getByTestId('sync-facts')).toContainText(folder);
  await expect(syncA.getByTestId('sync-facts')).toContainText('Desk A');
  await syncA.getByRole('button', { name: 'Add a device…' }).click();
  // Visible within the expect timeout, not the test's 90 s: a failed call shows its error in the
  // section instead (the page snapshot of a failure has it).
  await expect(syncA.getByTestId('pairing-code')).toBeVisible();
  const code = (await syncA.getByTestId('pairing-code').textContent())!.trim();
  expect(code.length).toBeGreaterThan(5);
  await shootFieldset(a.page, syncA, screenshotPath('settings-sync-pairing.png'));

  const syncB = await openSync(b.page);
  await syncB.getByRole('radio', { name: /Join with a pairing code/ }).check();
  await syncB.getByLabel('Sync folder').fill(folder);
  await syncB.getByRole('textbox', { name: 'Pairing code' }).fill(code);
  await syncB.getByLabel('Name of this device').fill('Laptop B');
  await syncB.getByRole('button', { name: 'Join' }).click();
  await expect(syncB.getByTestId('sync-facts')).toContainText('Laptop B');
  await backToCodes(b.page);
  await expect(b.page.getByRole('button', { name: /Copy code for GitHub/ })).toBeVisible();

  // An account added on A arrives on B after "Sync now".
  await addAndSyncAcross(a, b, DROPBOX);

  // A deletes GitHub; on B the merge moves it to Recently deleted, and Restore brings it back.
  await backToCodes(a.page);
  await a.page.getByRole('button', { name: /Copy code for GitHub/ }).focus();
  await a.page.keyboard.press('Delete');
  await a.page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await openSync(a.page);
  await syncA.getByRole('button', { name: 'Sync now' }).click();
  await openSync(b.page);
  await syncB.getByRole('button', { name: 'Sync now' }).click();
  const deleted = b.page.getByRole('list', { name: 'Recently deleted accounts' });
  await expect(deleted).toContainText('removed on another device');
  await deleted.getByRole('button', { name: 'Restore GitHub' }).click();
  await backToCodes(b.page);
  await expect(b.page.getByRole('button', { name: /Copy code for GitHub/ })).toBeVisible();

  // A's device list shows B; removing B takes it off the list.
  await syncA.getByRole('button', { name: 'Sync now' }).click();
  const list = syncA.getByRole('list', { name: 'Sync devices' });
  await expect(list).toContainText('Laptop B');
  await expect(list).toContainText('Desk A (this device)');
  // Tall enough for the whole fieldset, and after the "Synced" toast has gone.
  await a.page.setViewportSize({ width: 480, height: 1400 });
  await expect(a.page.getByText(/^Synced: /)).toHaveCount(0, { timeout: 15_000 });
  for (const colorScheme of ['light', 'dark'] as const) await shootFieldset(a.page, syncA, screenshotPath(`settings-sync-${colorScheme}.png`), colorScheme);
  await list.getByRole('button', { name: 'Remove Laptop B' }).click();
  await expect(list).not.toContainText('Laptop B');
  await expect(list).toContainText('Desk A');

  // Leaving asks first; the accounts stay and the set-up form is back.
  await syncA.getByRole('button', { name: 'Stop syncing here…' }).click();
  await syncA.getByRole('group', { name: 'Stop syncing here?' }).getByRole('button', { name: 'Stop syncing' }).click();
  await expect(syncA.getByRole('button', { name: 'Set up sync' })).toBeVisible();
  await backToCodes(a.page);
  await expect(a.page.getByRole('button', { name: /Copy code for Dropbox/ })).toBeVisible();
  await expect(a.page.getByTestId('sync-status')).toHaveCount(0);
});

test('a sync password set in Settings › Sync lets another device join (a wrong one first changes nothing); an add arrives', async ({ browser }) => {
  test.setTimeout(90_000);
  const a = await startDevice(browser, [GITHUB]);
  const b = await startDevice(browser, []);
  devices.push(a, b);
  await a.page.setViewportSize({ width: 480, height: 1400 });
  await b.page.setViewportSize({ width: 480, height: 1000 });

  // A sets up the folder, then a sync password: a weak one is checked like the vault password's.
  const syncA = await openSync(a.page);
  await syncA.getByLabel('Sync folder').fill(folder);
  await syncA.getByLabel('Name of this device').fill('Desk A');
  await syncA.getByRole('button', { name: 'Set up sync' }).click();
  await syncA.getByRole('button', { name: 'Set a sync password…' }).click();
  await syncA.getByLabel('New password', { exact: true }).fill('password1');
  await syncA.getByLabel('Repeat the new password').fill('password1');
  await expect(syncA.getByText(/Strength: /)).toBeVisible();
  await syncA.getByRole('button', { name: 'Set sync password' }).click();
  await expect(syncA.getByRole('alert')).toContainText('Anyone who gets a copy of your sync folder could guess it.');
  for (const colorScheme of ['light', 'dark'] as const) await shootFieldset(a.page, syncA, screenshotPath(`settings-sync-password-weak-${colorScheme}.png`), colorScheme);
  await a.page.emulateMedia({ colorScheme: 'light' });
  await syncA.getByLabel('New password', { exact: true }).fill(SYNC_PASSWORD);
  await syncA.getByLabel('Repeat the new password').fill(SYNC_PASSWORD);
  await syncA.getByRole('button', { name: 'Set sync password' }).click();
  await expect(a.page.getByText(/^Sync password set/)).toBeVisible();
  await expect(syncA.getByRole('button', { name: 'Set a sync password…' })).toBeVisible();

  // B joins with a wrong password first: one clear message, and B still doesn't sync.
  const syncB = await openSync(b.page);
  await syncB.getByRole('radio', { name: 'Join with the sync password' }).check();
  await syncB.getByLabel('Sync folder').fill(folder);
  await syncB.getByLabel('Sync password', { exact: true }).fill('not the sync password');
  await syncB.getByLabel('Name of this device').fill('Laptop B');
  await syncB.getByRole('button', { name: 'Join' }).click();
  await expect(syncB.getByText('The sync password is wrong. Check it and try again; nothing was changed.')).toBeVisible();
  await expect(syncB.getByTestId('sync-facts')).toHaveCount(0);
  for (const colorScheme of ['light', 'dark'] as const) await shootFieldset(b.page, syncB, screenshotPath(`settings-sync-join-password-wrong-${colorScheme}.png`), colorScheme);
  await b.page.emulateMedia({ colorScheme: 'light' });
  await backToCodes(b.page);
  await expect(b.page.getByRole('button', { name: /Copy code for GitHub/ })).toHaveCount(0);

  await openSync(b.page);
  await syncB.getByRole('radio', { name: 'Join with the sync password' }).check();
  await syncB.getByLabel('Sync folder').fill(folder);
  await syncB.getByLabel('Sync password', { exact: true }).fill(SYNC_PASSWORD);
  await syncB.getByLabel('Name of this device').fill('Laptop B');
  await syncB.getByRole('button', { name: 'Join' }).click();
  await expect(syncB.getByTestId('sync-facts')).toContainText('Laptop B');
  await backToCodes(b.page);
  await expect(b.page.getByRole('button', { name: /Copy code for GitHub/ })).toBeVisible();

  // An account added on A arrives on B.
  await addAndSyncAcross(a, b, DROPBOX);
});

test('the codes window says when the sync folder went missing', async ({ browser }) => {
  const a = await startDevice(browser, [GITHUB]);
  devices.push(a);
  const sync = await openSync(a.page);
  await sync.getByLabel('Sync folder').fill(folder);
  await shootFieldset(a.page, sync, screenshotPath('settings-sync-setup.png'));
  await sync.getByRole('button', { name: 'Set up sync' }).click();
  await backToCodes(a.page);
  await expect(a.page.getByTestId('sync-status')).toContainText(/Synced (today|yesterday)/);
  rmSync(folder, { recursive: true, force: true }); // a network drive that was disconnected
  await openSync(a.page);
  await sync.getByRole('button', { name: 'Sync now' }).click();
  await expect(sync).toContainText('is missing or empty');
  await expect(a.page.getByText(/^Synced with a problem/)).toBeVisible();
  await backToCodes(a.page);
  await expect(a.page.getByTestId('sync-status')).toContainText('Sync: The sync folder');
  await expect(a.page.getByTestId('sync-status').getByTitle(/is missing or empty/)).toBeVisible();
  await a.page.screenshot({ path: screenshotPath('codes-sync-problem.png') });
  await a.page.getByTestId('sync-status').getByRole('button', { name: 'Sync settings' }).click();
  await expect(sync).toContainText('is missing or empty');
});
