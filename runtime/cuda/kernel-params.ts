// A kernel's parameter names, read from the head of its source text
// (`function saxpy(a, x, y)`, `(a, x) =>`, `a =>`), so argument errors can
// name parameters without loading a parser. Kernels take plain parameters;
// a destructuring pattern is named by its position.

export interface KernelParams {
  names: string[];
  /** Whether the last parameter is a rest parameter (it takes any number of arguments). */
  rest: boolean;
}

const cache = new WeakMap<Function, KernelParams>();

/** Index just past the string, template or comment that starts at `i`, or `i` when none does. */
function skipNonCode(s: string, i: number): number {
  const c = s[i];
  if (c === '/' && s[i + 1] === '/') {
    const end = s.indexOf('\n', i);
    return end < 0 ? s.length : end;
  }
  if (c === '/' && s[i + 1] === '*') {
    const end = s.indexOf('*/', i + 2);
    return end < 0 ? s.length : end + 2;
  }
  if (c === '"' || c === "'" || c === '`') {
    let j = i + 1;
    while (j < s.length && s[j] !== c) j += s[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  return i;
}

/** The top-level comma-separated pieces of s[from, to), comments removed. */
function splitTopLevel(s: string, from: number, to: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let depth = 0;
  for (let i = from; i < to;) {
    const next = skipNonCode(s, i);
    if (next !== i) {
      if (s[i] !== '/') piece += s.slice(i, next);
      i = next;
      continue;
    }
    const c = s[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      pieces.push(piece);
      piece = '';
    } else piece += c;
    i++;
  }
  pieces.push(piece);
  return pieces.map((p) => p.trim()).filter((p, i, all) => p !== '' || i < all.length - 1);
}

/** Index of the parenthesis that closes the one at `open`, or -1. */
function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length;) {
    const next = skipNonCode(s, i);
    if (next !== i) {
      i = next;
      continue;
    }
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
    i++;
  }
  return -1;
}

function firstParen(s: string): number {
  for (let i = 0; i < s.length;) {
    const next = skipNonCode(s, i);
    if (next !== i) {
      i = next;
      continue;
    }
    if (s[i] === '(') return i;
    i++;
  }
  return -1;
}

function parse(fn: Function): KernelParams {
  const text = Function.prototype.toString.call(fn);
  const bare = /^\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(text);
  if (bare) return { names: [bare[1]], rest: false };
  const open = firstParen(text);
  const close = open < 0 ? -1 : closingParen(text, open);
  if (open < 0 || close < 0 || /\{\s*\[native code\]\s*\}\s*$/.test(text)) {
    // A bound or native function shows no parameters: name them by position.
    return { names: Array.from({ length: fn.length }, (_, i) => `argument ${i + 1}`), rest: false };
  }
  let rest = false;
  const names = splitTopLevel(text, open + 1, close).map((p, i) => {
    if (p.startsWith('...')) {
      rest = true;
      p = p.slice(3).trim();
    }
    const name = /^[A-Za-z_$][\w$]*/.exec(p);
    return name ? name[0] : `argument ${i + 1}`;
  });
  return { names, rest };
}

export function kernelParams(fn: Function): KernelParams {
  let p = cache.get(fn);
  if (!p) {
    p = parse(fn);
    cache.set(fn, p);
  }
  return p;
}
