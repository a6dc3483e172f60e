import { BrowserWindow, dialog } from 'electron';
import { releaseDialogText, type SecretConfirmer } from '../lock/secret-release';

/** Main's own native question before a secret leaves without a vault password (the renderer can't answer it). */
export const confirmSecretReleaseNatively: SecretConfirmer = async (release) => {
  const text = releaseDialogText(release);
  const options = {
    type: 'warning' as const,
    title: text.title,
    message: text.message,
    detail: text.detail,
    buttons: ['Cancel', text.confirm],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const parent = BrowserWindow.getFocusedWindow();
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  return response === 1;
};
