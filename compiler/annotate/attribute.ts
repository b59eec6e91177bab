// Which source line each generated line belongs to, from what the back end
// reported: its regions (a function's body, its entry from JS, the fallback
// copies of versioned loops), its line map and the work on each line. The
// entry has no source line of its own, so it is charged to the declaration
// line (that is where the cost of calling in from JS shows). Lines outside
// the module's own functions (prototypes, code of other modules, module init)
// belong to no line.
import type { Emitted, LineCost } from '../backend/backend';
import type { Helper } from './cost';

export interface CppLine {
  text: string;
  helpers: Helper[];
  /** Runs only when a versioned loop's test fails: shown, not counted. */
  fallback: boolean;
}

export interface FunctionAt {
  name: string;
  /** The source line of the declaration. */
  line: number;
}

/** Where each noted piece of work is spelled in `text` (each occurrence claimed once). */
export function locate(text: string, costs: readonly LineCost[]): Helper[] {
  const claimed: [number, number][] = [];
  const found: Helper[] = [];
  for (const c of costs) {
    let at = text.indexOf(c.text);
    while (at >= 0 && claimed.some(([s, e]) => at < e && s < at + c.text.length)) at = text.indexOf(c.text, at + 1);
    if (at < 0) continue;
    claimed.push([at, at + c.text.length]);
    found.push({ kind: c.kind, name: c.name, start: at, end: at + c.text.length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Source line → the generated lines it became, in order (source marks and blank lines left out). */
export function attributeLines(emitted: Emitted, fns: readonly FunctionAt[]): Map<number, CppLine[]> {
  const text = emitted.files[0]?.text.split('\n') ?? [];
  const byName = new Map(fns.map((f) => [f.name, f]));
  const fallback = (n: number) => emitted.regions.some((r) => r.kind === 'fallback' && r.first <= n && n <= r.last);
  const out = new Map<number, CppLine[]>();
  const add = (source: number, n: number): void => {
    const line = text[n - 1] ?? '';
    if (line.trim() === '' || emitted.marks.has(n)) return;
    const list = out.get(source) ?? [];
    list.push({ text: line, helpers: locate(line, emitted.costs.get(n) ?? []), fallback: fallback(n) });
    out.set(source, list);
  };
  for (const region of emitted.regions) {
    const fn = byName.get(region.fn);
    if (!fn || region.kind === 'fallback') continue;
    if (region.kind === 'entry') {
      for (let n = region.first; n <= region.last; n++) add(fn.line, n);
      continue;
    }
    // A closing brace belongs with its opening one, not with the last statement inside.
    const open: number[] = [];
    for (let n = region.first; n <= region.last; n++) {
      const t = emitted.marks.has(n) ? '' : (text[n - 1] ?? '').trim();
      let source = emitted.lineMap.get(n) ?? fn.line;
      if (t.startsWith('}')) source = open.pop() ?? source;
      if (t.endsWith('{')) open.push(source);
      add(source, n);
    }
  }
  return out;
}
