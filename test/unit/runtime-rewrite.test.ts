import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { insertionPoint, MARKER, rewriteCommonJs, rewriteEsm } from '../../runtime/register/rewrite';

const BIND = '/pkg/dist/runtime/bind.js';
const SRC = '/proj/src/stats.ts';

/** Runs CommonJS text as a module body with a fake require that records the calls. */
function runCommonJs(text: string): { calls: string[]; exports: Record<string, unknown> } {
  const calls: string[] = [];
  const fakeRequire = (id: string) => ({
    bindNative: (source: string, name: string, fn: unknown) => {
      calls.push(`${id}|${source}|${name}|${typeof fn}`);
      return Object.assign(() => `native ${name}`, { tag: name });
    },
  });
  const exports: Record<string, unknown> = {};
  new Function('exports', 'require', 'module', text)(exports, fakeRequire, { exports });
  return { calls, exports };
}

function lines(text: string): number {
  return text.split('\n').length;
}

describe('insertion point', () => {
  it('goes after the directive prologue', () => {
    const t = '"use strict";\nfoo();';
    expect(insertionPoint(t)).toEqual({ at: 13, needsSemicolon: false });
    expect(insertionPoint("'use strict'\n'use asm';x")).toEqual({ at: 23, needsSemicolon: false });
    expect(insertionPoint('"use strict"\nfoo();')).toEqual({ at: 12, needsSemicolon: true });
    const commented = '/* c */ // d\n  "use strict" ; x';
    expect(insertionPoint(commented)).toEqual({ at: commented.indexOf(';') + 1, needsSemicolon: false });
  });

  it('does not take an expression for a directive', () => {
    expect(insertionPoint('"a" + b;')).toEqual({ at: 0, needsSemicolon: false });
    expect(insertionPoint('foo();')).toEqual({ at: 0, needsSemicolon: false });
  });

  it('keeps a hashbang first', () => {
    expect(insertionPoint('#!/usr/bin/env node\n"use strict";x').at).toBe(33);
    expect(insertionPoint('#!/usr/bin/env node\nx').at).toBe(20);
  });

  it("goes inside tsx's CommonJS wrapper", () => {
    const t = '__filename="/a/b.ts";(()=>{\nvar x=1;function dot(){}\n})()';
    expect(insertionPoint(t).at).toBe(t.indexOf('\n'));
  });
});

describe('rewriting CommonJS', () => {
  const tscOutput = [
    '"use strict";',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    'exports.dot = dot;',
    '/** @native */',
    'function dot(a, b) { return 1; }',
    'function helper() { return 2; }',
    'exports.helper = helper;',
    '//# sourceMappingURL=stats.js.map',
  ].join('\n');

  it('binds each name before the exports are taken, on the same line', () => {
    const out = rewriteCommonJs(tscOutput, BIND, { source: SRC, names: ['dot'] });
    expect(lines(out)).toBe(lines(tscOutput));
    expect(out.split('\n')[0]).toContain('"use strict";' + MARKER);
    const { calls, exports } = runCommonJs(out);
    expect(calls).toEqual([`${BIND}|${SRC}|dot|function`]);
    expect((exports.dot as { tag?: string }).tag).toBe('dot');
    expect((exports.helper as () => number)()).toBe(2);
  });

  it('keeps the module strict', () => {
    const out = rewriteCommonJs('"use strict"\nexports.strict = (function () { return this === undefined; })();\nfunction f() {}', BIND, {
      source: SRC,
      names: ['f'],
    });
    expect(runCommonJs(out).exports.strict).toBe(true);
  });

  it('binds inside the tsx wrapper', () => {
    const tsx =
      '__filename="/proj/src/stats.ts";(()=>{\nvar e={};module.exports=e;Object.defineProperty(e,"dot",{get:()=>dot});function dot(a,b){return 1}\n})()';
    const out = rewriteCommonJs(tsx, BIND, { source: SRC, names: ['dot'] });
    expect(lines(out)).toBe(lines(tsx));
    const module = { exports: {} as Record<string, unknown> };
    const calls: string[] = [];
    const req = () => ({ bindNative: (_s: string, n: string) => (calls.push(n), Object.assign(() => 0, { tag: n })) });
    const __filename = '';
    new Function('exports', 'require', 'module', '__filename', out)(module.exports, req, module, __filename);
    expect(calls).toEqual(['dot']);
    expect((module.exports.dot as { tag?: string }).tag).toBe('dot');
    void __filename;
  });

  it('is idempotent and leaves modules without names alone', () => {
    const once = rewriteCommonJs(tscOutput, BIND, { source: SRC, names: ['dot'] });
    expect(rewriteCommonJs(once, BIND, { source: SRC, names: ['dot'] })).toBe(once);
    expect(rewriteCommonJs(tscOutput, BIND, { source: SRC, names: [] })).toBe(tscOutput);
  });

  it('for JS whose source is unknown, only reports the marked names', () => {
    const out = rewriteCommonJs(tscOutput, BIND, { unmapped: '/proj/dist/stats.js', names: ['dot'] });
    expect(out.split('\n')[0]).toBe('"use strict";' + MARKER + `require("${BIND}").unmapped("/proj/dist/stats.js",["dot"]);`);
  });

  it('refuses names that are not identifiers', () => {
    expect(() => rewriteCommonJs(tscOutput, BIND, { source: SRC, names: ['a);evil(('] })).toThrow(/not an identifier/);
  });
});

describe('rewriting ES modules', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-rewrite-'));
    fs.writeFileSync(
      path.join(dir, 'bind.cjs'),
      'exports.bindNative = (s, n, f) => Object.assign((...a) => "native:" + f(...a), { src: s });\n',
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports the binder and reassigns the live binding', () => {
    const esm = [
      '/** @native */',
      'export function dot(a) { return a * 2; }',
      'export const viaLocal = () => dot(1);',
      '//# sourceMappingURL=x.js.map',
    ].join('\n');
    const bindUrl = 'file://' + path.join(dir, 'bind.cjs').split(path.sep).join('/');
    const out = rewriteEsm(esm, bindUrl, { source: SRC, names: ['dot'] });
    expect(lines(out)).toBe(lines(esm));
    const mod = path.join(dir, 'mod.mjs');
    fs.writeFileSync(mod, out);
    const main = `import { dot, viaLocal } from ${JSON.stringify('file://' + mod)}; console.log(JSON.stringify([dot(3), viaLocal(), dot.src]));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', main], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['native:6', 'native:2', SRC]);
  });
});
