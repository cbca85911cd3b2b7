import { useMessages } from './i18n/index.ts';
import { selectProblem } from './selectors.ts';
import { usePlayground } from './usePlayground.ts';

/** Says what went wrong with the last action, in words a student understands. */
export function ProblemNotice() {
  const problem = usePlayground(selectProblem);
  const m = useMessages();
  if (problem === null) return null;
  return (
    <p className="notice" role="alert" data-testid="problem">
      {problem(m)}
    </p>
  );
}
