import { useEffect, useState } from 'react';
import type { PasswordAssessment } from '../../../../electron/core/password/password-policy';

/** zxcvbn-ts and its dictionaries load only when a password is being chosen (they are large). */
const loadPolicy = () => import('../../../../electron/core/password/password-policy');

/** Assesses a password at once (loading the checker if needed): what a submit is judged by. */
export async function assessNow(password: string, repeat: string): Promise<PasswordAssessment> {
  return (await loadPolicy()).assessPassword(password, repeat);
}

/** Assesses `password` (and its repeat) as it is typed; null until the checker has loaded. */
export function usePasswordAssessment(password: string, repeat: string): PasswordAssessment | null {
  const [assessment, setAssessment] = useState<PasswordAssessment | null>(null);
  useEffect(() => {
    let live = true;
    void loadPolicy().then(({ assessPassword }) => {
      if (live) setAssessment(assessPassword(password, repeat));
    });
    return () => {
      live = false;
    };
  }, [password, repeat]);
  return assessment;
}

/** The strength bar and zxcvbn's warning for a new password, announced politely. */
export function PasswordStrength({
  password,
  assessment,
}: {
  password: string;
  assessment: PasswordAssessment | null;
}) {
  if (!password || !assessment) return null;
  const level = assessment.label === 'too short' ? 0 : assessment.score + 1;
  return (
    <div className="password-strength" data-level={level} aria-live="polite">
      <meter
        min={0}
        max={5}
        low={2}
        high={4}
        optimum={5}
        value={level}
        aria-label="Password strength"
      />
      <span className="strength-label">Strength: {assessment.label}</span>
      {assessment.warning ? <p className="hint warning">{assessment.warning}</p> : null}
    </div>
  );
}
