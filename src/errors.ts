/** Where a value was wrong, what was expected, and what came. */
export interface ValidationProblem {
  path: string;
  expected: string;
  received: string;
}

function describeProblems(problems: ValidationProblem[]): string {
  return problems.map((p) => `${p.path}: expected ${p.expected}, got ${p.received}`).join('; ');
}

/** The policy (or an extra rule table) passed to `createModerator` is invalid. */
export class ModerationConfigError extends Error {
  override readonly name = 'ModerationConfigError';
  readonly problems: ValidationProblem[];
  constructor(problems: ValidationProblem[], prefix = 'Invalid policy') {
    super(`${prefix}: ${describeProblems(problems)}`);
    this.problems = problems;
  }
}

/** The value passed to `moderate` is not a string nor a comment object with a string `text`. */
export class ModerationInputError extends TypeError {
  override readonly name = 'ModerationInputError';
  readonly problems: ValidationProblem[];
  constructor(problems: ValidationProblem[]) {
    super(`Invalid comment: ${describeProblems(problems)}`);
    this.problems = problems;
  }
}
