// The C++ spoken inside a kernel differs by where it runs (the CPU
// simulator, a GPU), not by what it means: the thread's position, barriers,
// shared arrays, atomics and the array type. The kernel emitters set a
// dialect while they print a kernel (and the functions it calls on a GPU);
// the shared expression and statement printers ask it for those forms.
import type { AtomicOp, Local, ThreadValue } from '../../ir/nodes';

export interface KernelDialect {
  /** A component of the thread's position or the launch's shape, as an int64_t. */
  thread(name: ThreadValue, axis: 0 | 1 | 2): string;
  /** `op` on the element `ref` (checked access, as TSN_AT gives it) of a shared array or not; `args` are [compare,] value. */
  atomic(op: AtomicOp, ref: string, shared: boolean, args: string[]): string;
  /** The statement of a barrier. */
  barrier(site: number, line: number): string;
  /** The declaration of a shared array's local. */
  sharedLet(local: Local, element: string, slot: number, length: number): string[];
  /** `return;` in a kernel (a coroutine's is `co_return;`). */
  returnVoid: string;
  /** The C++ type of a typed-array view with elements of type `element`. */
  arrayType(element: string): string;
}

let active: KernelDialect | undefined;

export function inDialect<T>(d: KernelDialect | undefined, fn: () => T): T {
  const saved = active;
  active = d;
  try {
    return fn();
  } finally {
    active = saved;
  }
}

export function dialect(): KernelDialect | undefined {
  return active;
}

/** The dialect, where a kernel-only node is printed (the front end admits them only in kernels). */
export function kernelDialect(what: string): KernelDialect {
  if (!active) throw new Error(`${what} outside a kernel`);
  return active;
}
