// @native functions calling @native functions of other modules: the callee is
// compiled into the caller's addon, and an edit of the callee makes the
// caller stale (refused by the loader) until the next build rebuilds it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, tsnative } from './cli-project';

const files = {
  'package.json': '{ "name": "modules-demo", "private": true }\n',
  'src/geometry.ts': `import type { f64 } from 'tsnative';
const SCALE = 2;
/** @native */
export function norm(x: f64, y: f64): f64 {
  return Math.sqrt(square(x) + square(y)) * SCALE;
}
/** @native */
function square(v: f64): f64 {
  return v * v;
}
`,
  'src/paths.ts': `import type { f64 } from 'tsnative';
import { norm as length } from './geometry';
/** Length of a polyline. @native */
export function pathLength(xs: Float64Array, ys: Float64Array): f64 {
  let total = 0;
  for (let i = 1; i < xs.length; i++) total += length(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
  return total;
}
`,
  'main.js': `require('tsx/cjs');
const { pathLength } = require('./src/paths.ts');
const { isNative } = require('tsnative');
console.log(JSON.stringify({ native: isNative(pathLength), value: pathLength(Float64Array.of(0, 3, 3), Float64Array.of(0, 4, 8)) }));
`,
};

let dir: string;
const run = (env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(process.execPath, ['-r', 'tsnative/register', 'main.js'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr };
};

beforeAll(() => {
  dir = makeProject('tsn-modules-', files);
  fs.symlinkSync(path.resolve(__dirname, '../../node_modules/tsx'), path.join(dir, 'node_modules', 'tsx'), 'dir');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('compiles the imported callee into the caller and records the dependency', () => {
  const build = tsnative(dir, ['build', 'src/paths.ts']);
  expect(build.status).toBe(0);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'build/tsnative/manifest.json'), 'utf8'));
  expect(manifest.modules['src/paths.ts'].dependencies.map((d: { source: string }) => d.source)).toEqual(['src/geometry.ts']);
  expect(run()).toMatchObject({ status: 0, out: JSON.stringify({ native: true, value: 18 }) });
  const cpp = tsnative(dir, ['emit', 'src/paths.ts']).stdout;
  expect(cpp).toContain('src_geometry__norm');
  expect(cpp).toContain('// src/geometry.ts:5');
});

it('refuses the caller once the callee changed, and rebuilds it', () => {
  const geometry = path.join(dir, 'src/geometry.ts');
  fs.writeFileSync(geometry, fs.readFileSync(geometry, 'utf8').replace('const SCALE = 2;', 'const SCALE = 3;'));
  const stale = run();
  expect(stale.out).toBe(JSON.stringify({ native: false, value: 27 }));
  expect(stale.err).toContain('it calls @native code of src/geometry.ts, which changed since src/paths.ts was built');
  expect(run({ TSNATIVE_STRICT: '1' }).status).not.toBe(0);

  const rebuild = tsnative(dir, ['build', 'src/paths.ts']);
  expect(rebuild.status).toBe(0);
  expect(rebuild.stdout).toMatch(/built src\/paths\.ts/);
  expect(run()).toMatchObject({ status: 0, out: JSON.stringify({ native: true, value: 27 }) });
});
