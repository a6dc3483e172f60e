import { randomUUID } from 'node:crypto';

/** The scheme the paper-backup sheet is served from, in its own in-memory session. */
export const PRINT_SCHEME = 'otp-desk-print';
/** No `persist:` prefix: Electron keeps this session in memory only, so the sheet never reaches the disk. */
export const PRINT_PARTITION = 'otp-desk-print';

/**
 * Pages waiting to be printed, each behind a one-time random URL. The sheet holds secrets, so it
 * is served from memory instead of travelling in a data: URL (capped at 2 MB, and a URL ends up
 * in places a page body doesn't: crash reports, logs, the process list).
 */
export class PrintPages {
  private readonly pages = new Map<string, string>();

  /** Files `html` and returns the URL that serves it until `remove`. */
  add(html: string): string {
    const token = randomUUID();
    this.pages.set(token, html);
    return `${PRINT_SCHEME}://${token}/`;
  }

  remove(url: string): void {
    this.pages.delete(new URL(url).host);
  }

  /** The protocol handler: the page for a filed URL, 404 for anything else. */
  respond(request: { url: string }): Response {
    const html = this.pages.get(new URL(request.url).host);
    return html === undefined
      ? new Response('Not found', { status: 404 })
      : new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
}
