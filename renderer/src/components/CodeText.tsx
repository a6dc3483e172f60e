import { memo } from 'react';
import { groupCode } from '../../../electron/core/otp/otp';
import { useStore } from '../store/store';

/** The current code grouped for reading (and the next one, shown per the user's setting). Re-renders only when its codes change. */
export const CodeText = memo(function CodeText({ id }: { id: string }) {
  const entry = useStore((s) => s.codes[id]);
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
