// annotate's model and page, in process (no C++ compiler, no browser): which
// line each piece of generated C++ is charged to, what it costs, and a page
// that needs nothing from the network.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { locate } from '../../compiler/annotate/attribute';
import { renderReport } from '../../compiler/annotate/html';
import { annotateResult, type AnnotateReport } from '../../compiler/annotate/report';
import { compileFiles } from '../../compiler/driver';
import { ANNOTATE_SOURCE, LINES } from '../e2e/annotate-source';

// A caller whose addon also holds the body of the function it imports.
const SQ = `/** @native */
export function sq(x: number): number {
  const t = new Float64Array(1);
  t[0] = x * x;
  return t[0];
}
`;
const CALLER = `import { sq } from './sq';
/** @native */
export function sumsq(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += sq(x);
  return s;
}
`;

let dir: string;
let report: AnnotateReport;
let other: AnnotateReport;
let html: string;
const line = (n: number) => report.lines[n - 1]!;
const fn = (name: string) => report.functions.find((f) => f.name === name)!;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-annotate-'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"app","private":true}');
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'stats.ts'), ANNOTATE_SOURCE);
  fs.writeFileSync(path.join(dir, 'src', 'sq.ts'), SQ);
  fs.writeFileSync(path.join(dir, 'src', 'caller.ts'), CALLER);
  const [result, caller] = compileFiles([path.join(dir, 'src', 'stats.ts'), path.join(dir, 'src', 'caller.ts')]);
  report = annotateResult(result!, ANNOTATE_SOURCE);
  other = annotateResult(caller!, CALLER);
  html = renderReport(report, { version: '0.0.0-test' });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the work the back end reports', () => {
  it('is located in its line, each occurrence once, in order', () => {
    const line = 'tsn::js_min(tsn::js_min(a, TSN_AT(x, i, 3)), "tsn::js_min")';
    const helpers = locate(line, [
      { kind: 'bounds', name: 'AT', text: 'TSN_AT' },
      { kind: 'call', name: 'js_min', text: 'tsn::js_min' },
      { kind: 'call', name: 'js_min', text: 'tsn::js_min' },
    ]);
    expect(helpers.map((h) => [h.name, h.start])).toEqual([
      ['js_min', 0],
      ['js_min', 12],
      ['AT', 27],
    ]);
  });

  it('names checks, conversions and calls, never types, strings or the call an entry exists for', () => {
    const names = (n: number) => line(n).cpp.flatMap((c) => c.helpers.map((h) => `${h.kind}:${h.name}`));
    expect(names(LINES.histogramStore)).toEqual(['bounds:AT', 'convert:to_index', 'bounds:AT', 'convert:to_index']);
    expect(names(LINES.throws)).toEqual(['throw:throw_error']);
    expect(names(LINES.dotDecl).filter((n) => n.includes('dot'))).toEqual([]);
  });
});

describe('the lines of a module', () => {
  it('charges the argument checks of a function to its declaration line, once', () => {
    // The entry, two typed-array arguments, the return; other entry points (offload) are not charged again.
    expect(line(LINES.dotDecl).costs).toEqual({ boundary: 4 });
    expect(line(LINES.dotDecl).cpp.some((c) => c.text.includes('args.view<double>(1, "b"'))).toBe(true);
  });

  it('counts the code a run takes: a versioned loop by its fast copy, its fallback shown but not counted', () => {
    const cpp = line(LINES.dotLoop).cpp;
    expect(cpp.filter((c) => c.fallback).flatMap((c) => c.helpers.map((h) => h.kind))).toContain('bounds');
    expect(cpp.filter((c) => !c.fallback).flatMap((c) => c.helpers)).toEqual([]);
    expect(line(LINES.dotLoop).score).toBe(0);
  });

  it('sees bounds checks where they stay, and none under noboundscheck', () => {
    expect(line(LINES.histogramStore).costs.bounds).toBe(2);
    expect(line(LINES.uncheckedLoop).cpp.length).toBeGreaterThan(0);
    expect(line(LINES.uncheckedLoop).cpp.some((c) => c.fallback)).toBe(false);
    expect(line(LINES.uncheckedLoop).score).toBe(0);
  });

  it('sees parallel set-up, throws, allocations and conversions', () => {
    expect(line(LINES.prange).costs.parallel).toBeGreaterThan(0);
    expect(line(LINES.throws).costs.throw).toBe(1);
    expect(line(LINES.alloc).costs.alloc).toBe(1);
    expect(line(LINES.histogramStore).costs).toMatchObject({ bounds: 2, convert: 2 });
  });

  it('leaves lines outside @native functions plain, and module init uncharged', () => {
    for (const n of [1, 2, 4, 40, LINES.plainCall]) {
      expect(line(n).fn).toBeUndefined();
      expect(line(n).cpp).toEqual([]);
    }
    const exports = report.lines.flatMap((l) => l.cpp).filter((c) => c.text.includes('export_function'));
    expect(exports).toEqual([]);
  });

  it('charges nothing to the code of other modules compiled into the unit', () => {
    const cpp = other.lines.flatMap((l) => l.cpp).map((c) => c.text);
    expect(cpp.some((t) => t.includes('tsn::alloc'))).toBe(false);
    expect(other.lines.find((l) => l.text.includes('s += sq(x)'))!.costs).toEqual({ call: 1 });
  });

  it('puts each diagnostic at its line', () => {
    expect(line(LINES.diagnostic).diagnostics.map((d) => d.code)).toEqual(['TSN1209']);
    expect(report.lines.filter((l) => l.diagnostics.length > 0)).toHaveLength(1);
  });
});

describe('the summary', () => {
  it('lists signatures, options and the parallel loops with what they reduce', () => {
    expect(report.functions.map((f) => f.name)).toEqual(['dot', 'dotUnchecked', 'sumsq', 'histogram']);
    expect(fn('histogram').signature).toBe('histogram(xs: Float64Array, bins: i32): Int32Array');
    expect(fn('dotUnchecked').options).toEqual(['noboundscheck']);
    expect(fn('sumsq').loops).toEqual([{ line: LINES.prange, reductions: [{ name: 's', op: '+' }], minIterations: expect.any(Number) }]);
    expect(fn('dot').loops).toEqual([]);
    expect(fn('dot').score).toBe(line(LINES.dotDecl).score + line(LINES.dotLoop).score);
  });
});

describe('the page', () => {
  it('is self-contained: no external script, style, image or link', () => {
    expect(html).not.toMatch(/<(?:script|img|iframe)[^>]*\ssrc=|<link\b|url\(|@import|https?:\/\//i);
    expect(html).toMatch(/<style>[^]*<\/style>/);
  });

  it('has every source line, escaped, and the C++ under each native line', () => {
    for (let n = 1; n <= report.lines.length; n++) expect(html).toContain(`id="L${n}"`);
    expect(html).toContain('for (let i = 0; i &#60; a.length; i++)');
    expect(html).toMatch(new RegExp(`<details class="line h[1-5] native" id="L${LINES.histogramStore}"[^]*?<pre class="cpp">[^]*?TSN_AT`));
    expect(html).toMatch(new RegExp(`<details class="line h0 native" id="L${LINES.dotLoop}"[^]*?<span class="fallback">[^]*?TSN_AT`));
    expect(html).toContain('reduces s (+)');
  });
});
