// The drop-in promise, end to end: a user project built once, then run every
// way a user would start it (node -r / --import on tsc output, tsx in its
// three forms), fresh, stale, unbuilt and strict.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildNative, copyProject, makeProject, node, tsc, TSX_CLI, type Run } from './runtime-project';

const STATS_TS = `import type { f64 } from 'tsnative';

/** Dot product. @native */
export function dot(a: Float64Array, b: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function boom(): never {
  throw new Error('boom'); // stack traces must show the same line with tsnative
}
`;

const VEC_MTS = `import type { f64 } from 'tsnative';

/** @native */
export function norm2(xs: Float64Array): f64 {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] * xs[i];
  return s;
}

export function fail(): never {
  throw new Error('fail');
}
`;

// What each app prints: enough to check the swap, the results and the
// line numbers, the same way under every mode.
const REPORT = `
function report(fns: Record<string, Function>, values: Record<string, number>, fail?: () => never): void {
  const out: Record<string, unknown> = { values };
  for (const [k, f] of Object.entries(fns)) {
    let why = '';
    try { nativeOf(f); } catch (e) { why = (e as Error).message; }
    out[k] = { native: isNative(f), name: f.name, length: f.length, why };
  }
  try { boom(); } catch (e) { out.boomLine = /stats\\.(?:ts|js):(\\d+)/.exec((e as Error).stack ?? '')?.[1]; }
  try { fail?.(); } catch (e) { out.failLine = /vec\\.(?:mts|mjs):(\\d+)/.exec((e as Error).stack ?? '')?.[1]; }
  console.log(JSON.stringify(out));
}
`;

const APP_TS = `import { isNative, nativeOf } from 'tsnative';
import { boom, dot } from './stats';
${REPORT}
const a = new Float64Array([1, 2, 3]);
report({ dot }, { dot: dot(a, a) + dot(a, a) });
`;

const APP_ESM_MTS = `import { isNative, nativeOf } from 'tsnative';
import { boom, dot } from './stats.js';
import { fail, norm2 } from './vec.mjs';
${REPORT}
const a = new Float64Array([1, 2, 3]);
report({ dot, norm2 }, { dot: dot(a, a), norm2: norm2(a) + norm2(a) }, fail);
`;

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'node16',
    moduleResolution: 'node16',
    outDir: 'dist',
    rootDir: 'src',
    sourceMap: true,
    strict: true,
    skipLibCheck: true,
    types: [],
  },
  include: ['src'],
});

interface FnReport {
  native: boolean;
  name: string;
  length: number;
  why: string;
}
interface Report {
  values: Record<string, number>;
  boomLine?: string;
  failLine?: string;
  dot: FnReport;
  norm2?: FnReport;
}

const CJS_MODES: Array<[string, string[]]> = [
  ['node -r (tsc output)', ['-r', 'tsnative/register', 'dist/app.js']],
  ['node --import (tsc output)', ['--import', 'tsnative/register', 'dist/app.js']],
  ['node --import tsx --import', ['--import', 'tsx', '--import', 'tsnative/register', 'src/app.ts']],
  ['tsx --import', [TSX_CLI, '--import', 'tsnative/register', 'src/app.ts']],
  ['node -r tsx/cjs -r', ['-r', 'tsx/cjs', '-r', 'tsnative/register', 'src/app.ts']],
];
const ESM_MODES: Array<[string, string[]]> = [
  ['node --import (tsc output)', ['--import', 'tsnative/register', 'dist/app-esm.mjs']],
  ['node -r (tsc output)', ['-r', 'tsnative/register', 'dist/app-esm.mjs']],
  ['node --import tsx --import', ['--import', 'tsx', '--import', 'tsnative/register', 'src/app-esm.mts']],
  ['tsx --import', [TSX_CLI, '--import', 'tsnative/register', 'src/app-esm.mts']],
];

let built: string;
let stale: string;
let unbuilt: string;
let unmapped: string;

function parse(r: Run): Report {
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Report;
  } catch {
    throw new Error(`no report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** The same command without tsnative: what the line numbers must stay. */
function withoutRegister(args: string[]): string[] {
  const i = args.indexOf('tsnative/register');
  return [...args.slice(0, i - 1), ...args.slice(i + 1)];
}

function warningsIn(stderr: string): string[] {
  return stderr.split('\n').filter((l) => /\[TSNATIVE_\w+\] Warning/.test(l));
}

beforeAll(() => {
  built = makeProject('tsn-rt-e2e-', {
    'package.json': '{"name":"rt-e2e","private":true}',
    'tsconfig.json': TSCONFIG,
    'src/stats.ts': STATS_TS,
    'src/vec.mts': VEC_MTS,
    'src/app.ts': APP_TS,
    'src/app-esm.mts': APP_ESM_MTS,
  });
  tsc(built);
  buildNative(built, ['src/stats.ts', 'src/vec.mts']);
  stale = copyProject(built, 'tsn-rt-e2e-stale-');
  fs.appendFileSync(path.join(stale, 'src/stats.ts'), '// edited after the build\n');
  unbuilt = copyProject(built, 'tsn-rt-e2e-unbuilt-');
  fs.rmSync(path.join(unbuilt, 'build'), { recursive: true, force: true });
  unmapped = copyProject(built, 'tsn-rt-e2e-unmapped-');
  fs.rmSync(path.join(unmapped, 'dist/stats.js.map'));
});

afterAll(() => {
  for (const d of [built, stale, unbuilt, unmapped]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

describe('a fresh build runs native', () => {
  it.each(CJS_MODES)('CommonJS app, %s', (_mode, args) => {
    const r = node(built, args);
    expect(warningsIn(r.stderr)).toEqual([]);
    const rep = parse(r);
    expect(rep.dot).toEqual({ native: true, name: 'dot', length: 2, why: '' });
    expect(rep.values).toEqual({ dot: 28 });
    expect(rep.boomLine).toBeDefined();
    expect(rep.boomLine).toBe(parse(node(built, withoutRegister(args))).boomLine);
    expect(r.status).toBe(0);
  });

  it.each(ESM_MODES)('ES module app, %s', (_mode, args) => {
    const r = node(built, args);
    expect(warningsIn(r.stderr)).toEqual([]);
    const rep = parse(r);
    expect(rep.dot.native).toBe(true);
    expect(rep.norm2).toEqual({ native: true, name: 'norm2', length: 1, why: '' });
    expect(rep.values).toEqual({ dot: 14, norm2: 28 });
    const plain = parse(node(built, withoutRegister(args)));
    expect(rep.failLine).toBeDefined();
    expect([rep.boomLine, rep.failLine]).toEqual([plain.boomLine, plain.failLine]);
    expect(r.status).toBe(0);
  });

  it('without the register hook, the program runs as plain JS', () => {
    const r = node(built, ['dist/app.js']);
    const rep = parse(r);
    expect(rep.dot.native).toBe(false);
    expect(rep.dot.why).toMatch(/tsnative never loaded it/);
    expect(rep.values).toEqual({ dot: 28 });
    expect(r.stderr).toBe('');
  });
});

describe('a stale build is never used', () => {
  it.each([...CJS_MODES, ...ESM_MODES])('%s: JS runs, one warning per stale function', (_mode, args) => {
    const r = node(stale, args);
    const rep = parse(r);
    expect(r.status).toBe(0);
    expect(rep.dot.native).toBe(false);
    expect(rep.dot.why).toMatch(
      /^dot \(src\/stats\.ts\) runs as JavaScript, not native: src\/stats\.ts changed since it was built\. Run `npx tsnative build src\/stats\.ts`\.$/,
    );
    const warnings = warningsIn(r.stderr);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('[TSNATIVE_STALE] Warning: ' + rep.dot.why);
    // vec.mts did not change: it stays native next to the stale module.
    if (rep.norm2) expect(rep.norm2.native).toBe(true);
  });

  it('TSNATIVE_STRICT=1 makes it an error', () => {
    for (const args of [CJS_MODES[0][1], ESM_MODES[0][1], CJS_MODES[2][1]]) {
      const r = node(stale, args, { TSNATIVE_STRICT: '1' });
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /dot \(src\/stats\.ts\) runs as JavaScript, not native: src\/stats\.ts changed since it was built\. Run `npx tsnative build src\/stats\.ts`\./,
      );
    }
  });
});

describe('an unbuilt project', () => {
  it('runs as JS and warns once per marked function', () => {
    const r = node(unbuilt, ['--import', 'tsnative/register', 'dist/app-esm.mjs']);
    const rep = parse(r);
    expect(rep.values).toEqual({ dot: 14, norm2: 28 });
    const warnings = warningsIn(r.stderr);
    expect(warnings).toHaveLength(2);
    expect(warnings.every((w) => w.includes('[TSNATIVE_MISSING]') && w.includes('no build found'))).toBe(true);
    expect(rep.norm2?.why).toMatch(/Run `npx tsnative build src\/vec\.mts`/);
  });
});

describe('tsc output whose source cannot be found', () => {
  it('runs as JS and says how to fix the mapping', () => {
    const r = node(unmapped, ['-r', 'tsnative/register', 'dist/app.js']);
    const rep = parse(r);
    expect(rep.values).toEqual({ dot: 28 });
    expect(rep.dot.native).toBe(false);
    const warnings = warningsIn(r.stderr);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /\[TSNATIVE_NO_SOURCE\] Warning: dot \(dist\/stats\.js\) runs as JavaScript, not native: .*"sourceMap": true/,
    );
  });
});
