import type { ImportText, LinkDelivery } from '../../api';
import { classifyLink, linksFromArgv } from './otp-links';

/** The source name the import review shows for an opened link. */
export const LINK_SOURCE = 'Opened link';
const MAX_WAITING = 50;

/** What the app does when a link arrives: the main window always comes forward. */
export type LinkArrival =
  | { readonly show: 'review' }
  | { readonly show: 'unlock-first'; readonly message: string }
  | { readonly show: 'message'; readonly message: string };

/**
 * Links opened from the OS, kept in main until the renderer takes them into the import review.
 * While the vault is locked they wait (the lock screen says so) and go to the review right after
 * the unlock; nothing is ever added without the review. Bad links become messages only.
 */
export class LinkInbox {
  private readonly waiting: string[] = [];
  private readonly problems: string[] = [];

  /** Files a link; says what the window should show. */
  receive(raw: string, unlocked: boolean): LinkArrival {
    const intent = classifyLink(raw);
    if (intent.kind === 'invalid') {
      if (this.problems.length < MAX_WAITING) this.problems.push(intent.message);
      return { show: 'message', message: intent.message };
    }
    if (!this.waiting.includes(intent.text) && this.waiting.length < MAX_WAITING)
      this.waiting.push(intent.text);
    return unlocked
      ? { show: 'review' }
      : { show: 'unlock-first', message: 'Unlock OTP Desk to review the link you opened.' };
  }

  /**
   * Hands over what arrived. Messages are handed over at once; links only once the vault is
   * unlocked (until then their number is reported so the lock screen can ask to unlock).
   */
  take(unlocked: boolean): LinkDelivery {
    const problems = this.problems.splice(0);
    if (!unlocked) return { texts: [], problems, waitingForUnlock: this.waiting.length };
    const texts: ImportText[] = this.waiting
      .splice(0)
      .map((text) => ({ source: LINK_SOURCE, text }));
    return { texts, problems, waitingForUnlock: 0 };
  }

  /** How many links wait for the review. */
  get size(): number {
    return this.waiting.length;
  }
}

/** What a second instance (started by a link or a launcher) means for the running one. */
export interface SecondInstanceAction {
  /** The first instance's main window comes to the front. */
  readonly focus: true;
  readonly links: readonly string[];
}

/** The second instance hands over its argv and quits; the first focuses and files the links. */
export function secondInstanceAction(argv: readonly string[]): SecondInstanceAction {
  return { focus: true, links: linksFromArgv(argv) };
}
