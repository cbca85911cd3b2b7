/**
 * A refusal a person reads (`text`, in English) and a program or a
 * translation maps: `code` is stable, `params` are the values the sentence
 * names. The page says it in its own language from code and params.
 */
export interface Problem {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly text: string;
}

/** Thrown for a problem the caller caused; its message is the problem's text. */
export class ProblemError extends RangeError {
  readonly code: string;
  readonly params: Problem['params'];

  constructor(problem: Problem) {
    super(problem.text);
    this.code = problem.code;
    this.params = problem.params;
  }
}
