// A light scan of a TypeScript source for the names of its @native
// functions. The compiler's real parse (ts-morph) is too slow to load at run
// time; this only has to find the functions a build would compile, so that
// the loader can warn about them when the build is missing or stale.

// A JSDoc block starting a line, then a module-level function declaration.
const MARKED_FUNCTION = /^\/\*\*((?:[^*]|\*(?!\/))*)\*\/\s*(?:export\s+(?:default\s+)?)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/gm;
// The tag, not a longer word that starts with it (@nativeish).
const NATIVE_TAG = /(?:^|[\s*])@native(?![\w$-])/;
const KERNEL_TAG = /(?:^|[\s*])@kernel(?![\w$-])/;

export function mentionsNative(tsText: string): boolean {
  return tsText.includes('@native') || tsText.includes('@kernel');
}

function scanTagged(tsText: string, tag: RegExp): string[] {
  if (!mentionsNative(tsText)) return [];
  const names: string[] = [];
  for (const m of tsText.matchAll(MARKED_FUNCTION)) {
    if (tag.test(m[1]) && !names.includes(m[2])) names.push(m[2]);
  }
  return names;
}

/** Names of the functions whose JSDoc carries the @native tag, in source order. */
export function scanNativeNames(tsText: string): string[] {
  return scanTagged(tsText, NATIVE_TAG);
}

/** Names of the functions whose JSDoc carries the @kernel tag, in source order. */
export function scanKernelNames(tsText: string): string[] {
  return scanTagged(tsText, KERNEL_TAG);
}
