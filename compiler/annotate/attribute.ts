// Which source line each generated C++ line belongs to. The back end's line
// map covers function bodies; the argument-reading entry of a function has no
// source line of its own, so it is charged to the declaration line (that is
// where the cost of calling in from JS shows). Everything else in the unit
// (prototypes, other entries, module init) belongs to no line.
import { entryName, implName } from '../backend/names';
import { findHelpers, type Helper } from './cost';

export interface CppLine {
  text: string;
  helpers: Helper[];
}

export interface FunctionAt {
  name: string;
  /** The source line of the declaration. */
  line: number;
}

type Region = { kind: 'body' | 'entry'; fn: FunctionAt } | { kind: 'other' };

/** A top-level definition that opens a block: `double tsn_fn_dot(…) {`. */
const DEFINITION = /^[A-Za-z_].*?\b(tsn_\w+)\(.*\{$/;

function regionOf(text: string, fns: readonly FunctionAt[]): Region | undefined {
  const m = DEFINITION.exec(text);
  if (!m) return undefined;
  for (const fn of fns) {
    if (m[1] === implName(fn.name)) return { kind: 'body', fn };
    if (m[1] === entryName(fn.name)) return { kind: 'entry', fn };
  }
  return { kind: 'other' };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Source line → the generated lines it became, in order (source marks and blank lines left out). */
export function attributeLines(cpp: string, lineMap: ReadonlyMap<number, number>, fns: readonly FunctionAt[], sourcePath: string): Map<number, CppLine[]> {
  const lines = cpp.split('\n');
  const mark = new RegExp(`^\\s*// ${escapeRegExp(sourcePath)}:\\d+(?:\\s|$)`);
  const out = new Map<number, CppLine[]>();
  const add = (source: number, text: string, ownCall: boolean): void => {
    if (text.trim() === '' || mark.test(text)) return;
    const list = out.get(source) ?? [];
    list.push({ text, helpers: findHelpers(text, { ownCall }) });
    out.set(source, list);
  };

  let region: Region | undefined;
  const open: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    let opens = false;
    if (!region) {
      region = regionOf(text, fns);
      opens = region !== undefined;
      open.length = 0;
      if (region?.kind === 'body') {
        // Attributes above the definition (fastmath's) are marked with the declaration line.
        let j = i;
        while (j > 0 && lines[j - 1]!.trim() !== '' && lineMap.get(j) === region.fn.line) j--;
        for (let k = j; k < i; k++) add(region.fn.line, lines[k]!, false);
      }
    }
    if (region?.kind === 'body') {
      // A closing brace belongs with its opening one, not with the last statement inside.
      let source = lineMap.get(i + 1) ?? region.fn.line;
      const t = text.trim().startsWith('//') ? '' : text.trim();
      if (t.startsWith('}')) source = open.pop() ?? source;
      if (t.endsWith('{')) open.push(source);
      add(source, text, opens);
    } else if (region?.kind === 'entry') add(region.fn.line, text, true);
    if (region && text.startsWith('}')) region = undefined;
  }
  return out;
}
