import { net } from 'electron';
import { ClockTimeout, type ClockFetch } from '../time-check';

/**
 * The clock check's HEAD request through Chromium's network stack, so it goes through the system
 * proxy (and its PAC file and certificates) as the rest of the OS does; Node's https ignores them.
 * No redirect is followed and no cookie or cache is used; Chromium caps the header size itself.
 */
export const netHeadDate: ClockFetch = async (url, timeoutMs) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await net.fetch(url.href, {
      method: 'HEAD',
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    return response.headers.get('date');
  } catch (error) {
    throw controller.signal.aborted ? new ClockTimeout() : error;
  } finally {
    clearTimeout(timer);
  }
};
