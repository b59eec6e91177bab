// What a user sees when the generated C++ does not compile: it is a tsnative
// bug (or a bad `cflags`), so name the module and the generated file, and
// show the compiler's first errors rather than node-gyp's stack of `gyp ERR!`.

const MAX_LINES = 12;

/** The first error and what follows it, with build-directory paths shown as the kept source file. */
export function firstErrorLines(output: string, replacements: ReadonlyArray<[string, string]> = []): string[] {
  let lines = output
    .split(/\r?\n/)
    .filter((l) => !/^gyp (?:info|ERR!|http|verb|sill|WARN)(?:\s|$)/.test(l) && !/^make(?:\[\d+\])?: /.test(l));
  for (const [from, to] of replacements) lines = lines.map((l) => l.split(from).join(to));
  const first = lines.findIndex((l) => /\b(?:error|Error|fatal)\b/.test(l));
  if (first < 0) return lines.filter((l) => l.trim() !== '').slice(-MAX_LINES);
  // gcc prints "In file included from …" / "In function …" context just before the error.
  let start = first;
  while (
    start > 0 &&
    /^(?:In file included from|\s+from |.*: In (?:function|member function|instantiation|static member function) )/.test(lines[start - 1]!)
  )
    start--;
  const picked = lines.slice(start, start + MAX_LINES).filter((l) => !/^\s*CXX\(target\)|^\s*SOLINK/.test(l));
  while (picked.length > 0 && picked[picked.length - 1]!.trim() === '') picked.pop();
  return picked;
}
