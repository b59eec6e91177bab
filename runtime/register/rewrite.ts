// Inserting the binding statements into a module's JS. Everything goes on one
// line (the prologue's, or the first) so every later line keeps its number
// and stack traces and source maps stay right; an inline source map is moved
// along for the columns of that line.
import { shiftInlineSourceMap } from './map-shift';
import type { BindPlan } from './plan';

/** Present in every rewritten text, so a module seen by two hooks is bound once. */
export const MARKER = '/*tsnative:bind*/';

const IDENT = /^[A-Za-z_$][\w$]*$/;

function skipSpaceAndComments(text: string, i: number): number {
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return text.length;
      i = end + 2;
    } else return i;
  }
}

/** End of the string literal starting at `i` (index after its closing quote), or -1. */
function stringEnd(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === quote) return j + 1;
    else if (c === '\n' || c === '\r') return -1;
  }
  return -1;
}

// tsx compiles ESM-syntax TypeScript to CommonJS wrapped in an arrow
// function (`__filename="…";(()=>{` … `})()`); the functions live inside it.
const TSX_CJS_BANNER = /__filename=("(?:[^"\\\n]|\\.)*");\(\(\)=>\{/y;

/**
 * Where to insert code so it runs first without leaving the directive
 * prologue ("use strict" must stay a directive): `at` is the index, and
 * `needsSemicolon` tells that the last directive ended by a line break.
 */
export function insertionPoint(text: string): { at: number; needsSemicolon: boolean } {
  let start = 0;
  if (text.startsWith('#!')) {
    const nl = text.indexOf('\n');
    start = nl < 0 ? text.length : nl + 1;
  }
  TSX_CJS_BANNER.lastIndex = start;
  if (TSX_CJS_BANNER.test(text)) start = TSX_CJS_BANNER.lastIndex;
  let at = start;
  let needsSemicolon = false;
  let i = skipSpaceAndComments(text, start);
  while (text[i] === '"' || text[i] === "'") {
    const end = stringEnd(text, i);
    if (end < 0) break;
    let j = end;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] === ';') {
      at = j + 1;
      needsSemicolon = false;
    } else if (j >= text.length || text[j] === '\n' || text[j] === '\r') {
      at = end;
      needsSemicolon = true;
    } else break; // `"a" + b`: an expression, not a directive
    i = skipSpaceAndComments(text, at);
  }
  return { at, needsSemicolon };
}

function insert(text: string, code: string): string {
  const { at, needsSemicolon } = insertionPoint(text);
  const inserted = (needsSemicolon ? ';' : '') + code;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = lineStart === 0 ? 0 : text.slice(0, lineStart).split('\n').length - 1;
  const out = text.slice(0, at) + inserted + text.slice(at);
  return shiftInlineSourceMap(out, line, at - lineStart, inserted.length);
}

function checkNames(names: string[]): void {
  for (const n of names) if (!IDENT.test(n)) throw new Error(`tsnative: not an identifier: ${JSON.stringify(n)}`);
}

/** The statements for `plan`, calling the bind module through the expression `binder`. */
function statements(binder: string, plan: BindPlan): string {
  checkNames(plan.names);
  if ('unmapped' in plan) return `${binder}.unmapped(${JSON.stringify(plan.unmapped)},${JSON.stringify(plan.names)});`;
  const src = JSON.stringify(plan.source);
  const kernels = plan.kernels ?? [];
  checkNames(kernels);
  // A kernel stays the JS function (launch() simulates it when nothing is built); its launchers are recorded.
  return [
    ...plan.names.map((n) => `${n}=${binder}.bindNative(${src},${JSON.stringify(n)},${n});`),
    ...kernels.map((n) => `${binder}.bindKernel(${src},${JSON.stringify(n)},${n});`),
  ].join('');
}

const bindsAnything = (plan: BindPlan): boolean => plan.names.length > 0 || ('kernels' in plan && (plan.kernels?.length ?? 0) > 0);

/** CommonJS: `name = require(bind).bindNative(source, "name", name);` for each name. */
export function rewriteCommonJs(text: string, bindModulePath: string, plan: BindPlan): string {
  if (!bindsAnything(plan) || text.includes(MARKER)) return text;
  return insert(text, MARKER + statements(`require(${JSON.stringify(bindModulePath)})`, plan));
}

/** ES module: one static import of the bind module, then the same assignments (live bindings). */
export function rewriteEsm(text: string, bindModuleUrl: string, plan: BindPlan): string {
  if (!bindsAnything(plan) || text.includes(MARKER)) return text;
  const imp = `import __tsnative_bind from ${JSON.stringify(bindModuleUrl)};`;
  return insert(text, MARKER + imp + statements('__tsnative_bind', plan));
}
