// A project configured in package.json's "tsnative" field: `tsnative build`
// with no paths builds the "include" glob into "outDir" with the default
// "options" and the "cflags"; then `build --watch` rebuilds on save and stops
// with exit 0 on Ctrl-C. One native build for the config, one for the edit.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashText } from '../../runtime/project';
import { makeProject, runNode, startTsnative, tsnative, writeFiles, type CliRun } from './cli-project';

const WRAP = `import type { f64, i32 } from 'tsnative';

/** @native */
export function wrap(x: f64): i32 {
  const n: i32 = Math.trunc(x);
  return n;
}
`;
const EDITED = WRAP.replace('Math.trunc(x);', 'Math.trunc(x) + 1;');

// Outside "include": must not be built even though it is marked.
const OUTSIDE = `/** @native */
export function outside(x: number): number { return x; }
`;

// A static initializer in a header forced in by cflags: the addon announces that the flags reached the compiler.
const PROBE_HEADER = '#include <cstdio>\nstatic int tsn_cflags_probe = (std::fputs("cflags reached the compiler\\n", stderr), 0);\n';

let dir: string;
let build: CliRun;
const out = (...p: string[]): string => path.join(dir, 'out', 'native', ...p);
const manifest = (): { modules: Record<string, { sourceHash: string; functions: { name: string; options: string[] }[] }> } =>
  JSON.parse(fs.readFileSync(out('manifest.json'), 'utf8'));
const callWrap = (): CliRun =>
  runNode(
    dir,
    `const m = require('./out/native/src_sub_wrap.node');
    let err = ''; try { m.wrap(2 ** 31); } catch (e) { err = e.constructor.name; }
    console.log(JSON.stringify([m.wrap(5.5), err]));`,
  );

beforeAll(() => {
  dir = makeProject('tsn-config-', {
    'src/sub/wrap.ts': WRAP,
    'src/plain.ts': 'export const notNative = 1;\n',
    'other.ts': OUTSIDE,
    'probe.h': PROBE_HEADER,
  });
  const config = {
    include: ['src/**/*.ts'],
    outDir: 'out/native',
    options: ['overflowcheck'],
    cflags: ['-include', path.join(dir, 'probe.h')],
  };
  writeFiles(dir, { 'package.json': JSON.stringify({ name: 'app', private: true, tsnative: config }) });
  build = tsnative(dir, ['build']);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('tsnative build with no paths, configured in package.json', () => {
  it('builds what the "include" glob matches into "outDir", and nothing else', () => {
    expect(build.stderr).toBe('');
    expect(build.stdout).toMatch(/^built src\/sub\/wrap\.ts {2}\(wrap\) {2}\d+\.\ds$/m);
    expect(build.stdout).toMatch(/^1 built, 0 cached, 0 failed in /m);
    expect(build.status).toBe(0);
    expect(Object.keys(manifest().modules)).toEqual(['src/sub/wrap.ts']);
    expect(fs.existsSync(path.join(dir, 'build'))).toBe(false);
  });

  it('gives every function the default "options"', () => {
    expect(manifest().modules['src/sub/wrap.ts']!.functions[0]!.options).toContain('overflowcheck');
    // overflowcheck: 2^31 does not fit the i32 slot, a RangeError instead of a wrap.
    expect(JSON.parse(callWrap().stdout)).toEqual([5, 'RangeError']);
  });

  it('compiles with the "cflags"', () => {
    expect(callWrap().stderr).toContain('cflags reached the compiler');
  });
});

/** Waits until the child's output so far matches `re`. */
async function waitFor(output: () => string, re: RegExp, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!re.test(output())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${re} in:\n${output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('tsnative build --watch', () => {
  it('rebuilds a module when its source is saved, ignores a save that changes nothing, and exits 0 on Ctrl-C', async () => {
    const child = startTsnative(dir, ['build', '--watch']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor(() => stdout, /^watching 1 file for changes \(Ctrl-C to stop\)$/m);
      expect(stdout).toMatch(/^cached src\/sub\/wrap\.ts {2}\(wrap\)$/m);
      const before = manifest().modules['src/sub/wrap.ts']!.sourceHash;

      fs.writeFileSync(path.join(dir, 'src', 'sub', 'wrap.ts'), EDITED);
      await waitFor(
        () => stdout,
        /^changed: src\/sub\/wrap\.ts\nbuilt src\/sub\/wrap\.ts {2}\(wrap\) {2}\d+\.\ds\n1 built, 0 cached, 0 failed in \d+\.\ds\nwatching 1 file/m,
      );
      const after = manifest().modules['src/sub/wrap.ts']!.sourceHash;
      expect(after).toBe(hashText(EDITED));
      expect(after).not.toBe(before);
      expect(JSON.parse(callWrap().stdout)[0]).toBe(6);

      // Same bytes again (an editor's save without a change): no build.
      const settled = stdout;
      fs.writeFileSync(path.join(dir, 'src', 'sub', 'wrap.ts'), EDITED);
      await new Promise((r) => setTimeout(r, 600));
      expect(stdout).toBe(settled);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/stopped watching\n$/);
    expect(stderr).toBe('');
  });
});
