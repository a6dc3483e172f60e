import type { ImportProblem } from '../../../../electron/api';

/** What could not be read, in plain words; announced once when it appears. */
export function ProblemList({ problems }: { problems: readonly ImportProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <section className="problem-list" role="alert" aria-label="Problems">
      <h3>
        {problems.length === 1
          ? 'One thing could not be imported'
          : `${problems.length} things could not be imported`}
      </h3>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.source}-${i}`}>
            {p.message.includes(p.source) ? null : (
              <span className="problem-source">{p.source}: </span>
            )}
            {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
