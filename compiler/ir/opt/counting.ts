// The counting loop several passes work on:
//   for (let j = S; j < E; j++) { … }   or   j <= E
// with j an i53 (an int64 cannot wrap into a negative index, an i32 could).
// Whether the body leaves j alone is for each pass to check.
import type { Expr, Local, Stmt } from '../nodes';

export interface CountingLoop {
  counter: Local;
  start: Expr;
  op: '<' | '<=';
  end: Expr;
}

export function countingLoop(s: Stmt & { k: 'for' }): CountingLoop | undefined {
  const [init] = s.init;
  const [update] = s.update;
  const t = s.test;
  if (s.init.length !== 1 || !init || init.k !== 'let' || s.update.length !== 1 || !update || !t) return undefined;
  const counter = init.local;
  if (!isI53(counter.type)) return undefined;
  if (update.k !== 'update' || update.op !== '++' || update.target.k !== 'local' || update.target.local !== counter) return undefined;
  if (t.k !== 'compare' || (t.op !== '<' && t.op !== '<=') || t.left.k !== 'local' || t.left.local !== counter) return undefined;
  return { counter, start: init.init, op: t.op, end: t.right };
}

export const isI53 = (t: Expr['type']): boolean => t.tag === 'scalar' && t.kind === 'i53';
