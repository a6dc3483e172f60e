import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-length';

export { MIN_PASSWORD_LENGTH };

/** How a proposed password measures up: `ok` false blocks it; `warning` is advice only. */
export interface PasswordAssessment {
  readonly ok: boolean;
  /** zxcvbn's 0 (guessable in seconds) … 4 (very hard to guess). */
  readonly score: 0 | 1 | 2 | 3 | 4;
  /** Why it can't be used (too short, repeat differs), when `ok` is false. */
  readonly problem: string | null;
  /** A warning for a weak or common password (zxcvbn's own words), when there is one. */
  readonly warning: string | null;
  readonly label: 'too short' | 'very weak' | 'weak' | 'fair' | 'strong' | 'very strong';
}

let checker: ZxcvbnFactory | undefined;
/** zxcvbn-ts with its common and English dictionaries (built once, on first use: the dictionaries are large). */
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return checker;
}

const LABELS = ['very weak', 'weak', 'fair', 'strong', 'very strong'] as const;

/**
 * Checks a new password: at least 8 characters and, when given, the same as its repeat; a
 * warning (from zxcvbn-ts, not a home-made list) when it is common or easy to guess.
 */
export function assessPassword(
  password: string,
  repeat?: string,
  context: readonly string[] = ['otp', 'desk', 'otpdesk'],
): PasswordAssessment {
  const result = zxcvbn().check(password.slice(0, 256), [...context]);
  const score = result.score as PasswordAssessment['score'];
  const weak = score < 3;
  const warning = weak
    ? result.feedback.warning ||
      result.feedback.suggestions[0] ||
      'This password is easy to guess. Add more words.'
    : null;
  const problem = passwordProblem(password, repeat);
  if (problem) return { ok: false, score, label: password.length < MIN_PASSWORD_LENGTH ? 'too short' : LABELS[score], problem, warning };
  return { ok: true, score, label: LABELS[score], problem: null, warning };
}
