// The CommonJS side: rewrite every user CommonJS module as it is compiled.
// Hooking Module.prototype._compile (not require.extensions) means
// the text is seen after any transpiler (tsx, ts-node) has produced JS, in
// whatever order the hooks were installed.
import Module from 'node:module';
import * as path from 'node:path';
import { planBindings } from './plan';
import { rewriteCommonJs } from './rewrite';

const BIND_MODULE = path.join(__dirname, '..', 'bind.js');
const INSTALLED = Symbol.for('tsnative.register.cjs');

type Compile = (this: Module, content: string, filename: string, ...rest: unknown[]) => unknown;

/** The text to compile for `filename`: bound if it has marked functions, else unchanged. */
export function rewriteForCommonJs(content: string, filename: string): string {
  const plan = planBindings(filename, content);
  return plan ? rewriteCommonJs(content, BIND_MODULE, plan) : content;
}

export function installCommonJsHook(): void {
  const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  const proto = Module.prototype as unknown as { _compile: Compile };
  const original = proto._compile;
  proto._compile = function compile(this: Module, content: string, filename: string, ...rest: unknown[]) {
    let text = content;
    if (typeof content === 'string') {
      try {
        text = rewriteForCommonJs(content, filename);
      } catch (e) {
        // A bug here must not take the user's program down with it.
        process.emitWarning(`could not prepare ${filename}: ${(e as Error).message}`, { code: 'TSNATIVE_INTERNAL' });
      }
    }
    return original.call(this, text, filename, ...rest);
  };
}
