import { memo } from 'react';
import { groupCode } from '../../../electron/core/otp/otp';
import { useStore } from '../store/store';

/** The current code grouped for reading (and the next one, shown per the user's setting). Re-renders only when its codes change. */
export const CodeText = memo(function CodeText({ id }: { id: string }) {
  const entry = useStore((s) => s.codes[id]);
  // "Hide codes until clicked": the code isn't even in the page until its row is clicked.
  const hidden = useStore((s) => s.settings.hideCodesUntilClicked && s.revealedId !== id);
  if (hidden) {
    return (
      <span className="codes concealed" id={`codes-${id}`}>
        <span className="code" data-testid="code" aria-label="Code hidden: click to show and copy">
          ••• •••
        </span>
      </span>
    );
  }
  return (
    <span className="codes" id={`codes-${id}`}>
      <span className="code" data-testid="code">
        {entry ? groupCode(entry.code) : '··· ···'}
      </span>
      {entry ? (
        <span className="next" data-testid="next-code">
          {groupCode(entry.next)}
        </span>
      ) : null}
    </span>
  );
});
