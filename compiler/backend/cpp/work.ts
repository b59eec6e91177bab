// The run-time work the C++ emitter writes (checks, conversions, helper
// calls), noted on the writer of the module being emitted so annotate can show
// it. Expression emitters are plain functions of the IR; this is how they
// reach that writer without every one of them taking it as an argument.
import type { CostKind } from '../backend';
import type { CodeWriter } from '../writer';

let active: CodeWriter | undefined;

export function emitting<T>(w: CodeWriter, fn: () => T): T {
  const saved = active;
  active = w;
  try {
    return fn();
  } finally {
    active = saved;
  }
}

/** `text` (a helper's spelling), noted as work of `kind`. */
export function work(kind: CostKind, text: string, name = text.replace(/^(tsn::|TSN_)/, '')): string {
  return active ? active.work(kind, name, text) : text;
}

/** A call to the tsnative helper `tsn::name`: a JS-exact operation, not plain arithmetic. */
export const helper = (name: string, kind: CostKind = 'call'): string => work(kind, `tsn::${name}`);

/** Emits `fn` without noting its work: code that runs only when a faster form cannot be used. */
export function silently<T>(fn: () => T): T {
  return active ? active.silently(fn) : fn();
}
