// Which loops run in lanes: only where running several iterations' lets and
// while loops ahead of the earlier iterations' rest cannot change anything.
import { someStmt } from '../../compiler/ir/walk';
import { optimisedFunction } from '../support/ir';

const batched = (body: string): boolean =>
  someStmt(
    optimisedFunction(`/** @native */ export function f(a: Float64Array, b: Float64Array, n: i32): f64 { let s = 0; ${body} return s; }`)
      .body,
    (s) => s.k === 'for' && s.lanes !== undefined,
  );

it('batches a loop of lets, a scalar while loop and any rest', () => {
  expect(
    batched('for (let i = 0; i < n; i++) { let x = i * 0.5; let k = 0; while (x < 100) { x = x * 2 + 1; k++; } a[0] = k; s += x; }'),
  ).toBe(true);
  expect(batched('for (let i = 0; i < a.length; i++) { let x = a[i]; while (x > 1) x = x / 2; s += x; }')).toBe(true);
});

it('does not batch where lanes could see or cause other effects', () => {
  // Reading an element ahead of a store that may alias it.
  expect(batched('for (let i = 0; i < a.length; i++) { let x = a[i]; while (x > 1) x = x / 2; b[i] = x; }')).toBe(false);
  // A read that might be out of range (its error would come too early).
  expect(batched('for (let i = 0; i < n; i++) { let x = a[i * i]; while (x > 1) x = x / 2; s += x; }')).toBe(false);
  // The while loop stores to an array.
  expect(batched('for (let i = 0; i < n; i++) { let x = i; while (x > 1) { x = x / 2; a[0] = x; } }')).toBe(false);
  // The lets read what the rest of an earlier iteration changed.
  expect(batched('for (let i = 0; i < n; i++) { let x = s; while (x < 10) x = x + 3; s += x; }')).toBe(false);
  // A break ends every lane's iteration at once.
  expect(batched('for (let i = 0; i < n; i++) { let x = i; while (x < 10) x = x + 3; if (x > 20) break; s += x; }')).toBe(false);
  // The counter changes inside the loop.
  expect(batched('for (let i = 0; i < n; i++) { let x = i; while (x < 10) x = x + 3; i += 1; s += x; }')).toBe(false);
});

it("uses the target's lane width", () => {
  const loop = [
    ...optimisedFunction(
      '/** @native */ export function f(n: i32): f64 { let s = 0; for (let i = 0; i < n; i++) { let x = i; while (x > 1) x = x / 2; s += x; } return s; }',
    ).body,
  ].find((s) => s.k === 'for');
  expect(loop?.k === 'for' && loop.lanes?.width).toBe(4);
});
