// The command line itself: help, version, exit codes, check and emit (none
// of which runs a C++ compiler), clean.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, pathWithoutCompilers, REPO, STATS, tsnative } from './cli-project';

const BAD = `import type { f64 } from 'tsnative';
/** @native */
export function noisy(): f64 { return Math.random(); }
`;

let dir: string;
beforeAll(() => {
  dir = makeProject('tsn-cli-usage-', { 'package.json': '{"name":"app","private":true}', 'src/stats.ts': STATS, 'src/bad.ts': BAD });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('help and version', () => {
  it('--help lists the commands and the exit codes', () => {
    const r = tsnative(dir, ['--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['build', 'check', 'emit', 'clean', 'doctor']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 diagnostics or a failed build, 2 a usage error');
  });

  it('build --help shows its options', () => {
    const r = tsnative(dir, ['build', '--help']);
    expect(r.status).toBe(0);
    for (const opt of ['--jobs', '--force', '--quiet', '--verbose']) expect(r.stdout).toContain(opt);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    const r = tsnative(dir, ['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['an unknown option', ['build', '--frob'], /unknown option '--frob'/],
    ['a missing file', ['build', 'src/missing.ts'], /no such file or directory: src\/missing\.ts/],
    ['a missing argument', ['emit'], /missing required argument 'file'/],
    ['a bad --jobs', ['build', '--jobs', '0', 'src/stats.ts'], /expected a whole number/],
    ['build with nothing named and no "include"', ['build'], /nothing to build: name the files/],
    ['no command at all', [], /Usage: tsnative/],
    [
      'emit of an unknown function',
      ['emit', 'src/stats.ts', '--fn', 'nope'],
      /no @native or @kernel function 'nope' in src\/stats\.ts \(there are: dot, sumsq\)/,
    ],
    [
      'emit --ir after an unknown pass',
      ['emit', 'src/stats.ts', '--ir', '--after', 'nope'],
      /unknown pass 'nope' \(the passes, in order: typer, loop-ranges/,
    ],
    ['--after without --ir', ['emit', 'src/stats.ts', '--after', 'bounds'], /--after goes with --ir/],
  ])('%s', (_, args, message) => {
    const r = tsnative(dir, args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('check', () => {
  it('exits 0 for a clean file, without any C++ compiler on PATH', () => {
    const r = tsnative(dir, ['check', 'src/stats.ts'], { PATH: pathWithoutCompilers(dir) });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('checked 1 file: 2 functions compile, no errors');
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'build'))).toBe(false);
  });

  it('prints diagnostics with file:line:col, a code frame and a hint, and exits 1', () => {
    const r = tsnative(dir, ['check', 'src']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^src\/bad\.ts:3:39 - error TSN\d+: `Math\.random` cannot be compiled/m);
    expect(r.stderr).toMatch(/^> +3 \| export function noisy/m);
    expect(r.stderr).toContain('hint:');
    // eslint-disable-next-line no-control-regex -- no colour codes without a terminal
    expect(r.stderr).not.toMatch(/\x1b\[/);
    expect(r.stdout.trim()).toBe('checked 2 files: 2 functions compile, 1 error');
  });
});

describe('emit', () => {
  it('prints the translation unit with source line comments', () => {
    const r = tsnative(dir, ['emit', 'src/stats.ts']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('#include <tsnative/tsnative.h>');
    expect(r.stdout).toContain('// src/stats.ts:4  export function dot(');
    expect(r.stdout).toContain('NAPI_MODULE_INIT()');
  });

  it('--fn prints one function and what it calls', () => {
    const dot = tsnative(dir, ['emit', 'src/stats.ts', '--fn', 'dot']);
    expect(dot.status).toBe(0);
    expect(dot.stdout).toContain('tsn_fn_dot(');
    expect(dot.stdout).not.toContain('tsn_fn_sumsq');
    const sumsq = tsnative(dir, ['emit', 'src/stats.ts', '--fn', 'sumsq']);
    expect(sumsq.stdout).toContain('tsn_fn_sumsq(');
    expect(sumsq.stdout).toContain('tsn_fn_dot(');
  });

  it('--ir prints the IR after the passes, or after one of them', () => {
    const all = tsnative(dir, ['emit', 'src/stats.ts', '--ir', '--fn', 'sumsq']);
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/^function sumsq\(xs: Float64Array\): f64 \{ {2}\/\/ src\/stats\.ts:\d+$/m);
    expect(all.stdout).toMatch(/^function dot\(/m);
    // The typer's checked reads lose their checks in the bounds pass (`a[i]!` is unchecked).
    const typed = tsnative(dir, ['emit', 'src/stats.ts', '--ir', '--fn', 'dot', '--after', 'typer']);
    expect(typed.stdout).not.toContain(']!');
    expect(tsnative(dir, ['emit', 'src/stats.ts', '--ir', '--fn', 'dot', '--after', 'bounds']).stdout).toContain(']!');
  });

  it('exits 1 with the diagnostics when nothing compiles', () => {
    const r = tsnative(dir, ['emit', 'src/bad.ts']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('src/bad.ts:3:39');
  });
});

describe('clean', () => {
  it('removes the outDir, and says so when there is none', () => {
    const out = path.join(dir, 'build', 'tsnative');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'manifest.json'), '{}');
    const r = tsnative(dir, ['clean']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('removed build/tsnative');
    expect(fs.existsSync(out)).toBe(false);
    expect(tsnative(dir, ['clean']).stdout.trim()).toBe('nothing to clean (build/tsnative does not exist)');
  });

  it('refuses an outDir that is not inside the project', () => {
    const other = makeProject('tsn-cli-clean-', { 'tsnative.config.json': '{"outDir": "."}', 'keep.ts': '' });
    const r = tsnative(other, ['clean']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/refusing to remove outDir/);
    expect(fs.existsSync(path.join(other, 'keep.ts'))).toBe(true);
    fs.rmSync(other, { recursive: true, force: true });
  });
});

describe('doctor', () => {
  it('reports each tool on its own line', () => {
    const r = tsnative(dir, ['doctor']);
    expect(r.stdout).toMatch(/^ok +C\+\+ compiler: /m);
    expect(r.stdout).toMatch(/^ok +Node headers: /m);
    expect(r.stdout).toContain('CPU builds: ready');
    expect(r.status).toBe(0);
  });
});
