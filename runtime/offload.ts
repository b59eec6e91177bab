// offload(fn): the analogue of Cython's `nogil`: the native function runs on
// the libuv thread pool and a Promise settles with its result (or rejects
// with the error it would throw), so the event loop stays free.
import { bindingOf, registry } from './registry';

type Fn = (...args: never[]) => unknown;

export type Offloaded<F extends Fn> = (...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>;

export function offload<F extends Fn>(fn: F): Offloaded<F> {
  if (typeof fn !== 'function') throw new TypeError(`offload: expected a function, got ${fn === null ? 'null' : typeof fn}`);
  const binding = bindingOf(fn);
  const pooled = binding?.offload;
  if (pooled) return pooled as unknown as Offloaded<F>;
  warnOnce(fn, binding?.reason);
  const js = (binding?.js ?? fn) as F;
  return (async (...args: Parameters<F>) => js(...args)) as Offloaded<F>;
}

function warnOnce(fn: Function, reason: string | undefined): void {
  const reg = registry();
  const key = `offload#${fn.name}#${reason ?? ''}`;
  if (reg.warned.has(key)) return;
  reg.warned.add(key);
  const why = reason ?? `${fn.name || 'this function'} is not a native function bound by tsnative`;
  process.emitWarning(`offload(${fn.name || 'anonymous'}) runs the JavaScript on the main thread: ${why}`, { code: 'TSNATIVE_OFFLOAD_JS' });
}
