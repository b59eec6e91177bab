// Loop versioning: a copy of a loop optimised on what one test before it
// proves, the loop as it was otherwise. The test and both copies are one `if`
// marked `versioned`, so back ends and annotate can tell it from user code.
import type { Expr, Stmt } from '../nodes';
import { someStmt, statements } from '../walk';

/** Statements in a loop beyond which a second copy costs more code than its checks cost time. */
const COPY_BUDGET = 400;

/** A pass's choice between a copy of `original` optimised on what `test` proves, and `original` itself. */
export function versioned(test: Expr, fast: Stmt, original: Stmt): Stmt {
  return { k: 'if', test, then: [fast], else: [original], versioned: true, loc: original.loc };
}

/** Whether `original` may be copied: no labels (their names must stay unique) and within the budget. */
export function copyable(original: Stmt): boolean {
  // A barrier in two versions chosen by a test that may differ between threads
  // would be two barriers, one per group of threads: a divergent barrier.
  return [...statements([original])].length <= COPY_BUDGET && !someStmt([original], (s) => hasLabel(s) || s.k === 'barrier');
}

function hasLabel(s: Stmt): boolean {
  return (
    (s.k === 'for' || s.k === 'while' || s.k === 'do' || s.k === 'prange' || s.k === 'break' || s.k === 'continue') && s.label !== undefined
  );
}
