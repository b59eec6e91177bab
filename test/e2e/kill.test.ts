// A build killed at any point (SIGKILL: no cleanup runs) leaves the previous
// addon and manifest usable, and the next build simply works.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeProject, runNode, startTsnative, tsnative } from './cli-project';

const v1 = `import type { f64 } from 'tsnative';
/** @native */
export function twice(x: f64): f64 {
  return x * 2;
}
`;
const v2 = v1.replace('x * 2', 'x * 3');

let dir: string;
const manifestFile = () => path.join(dir, 'build/tsnative/manifest.json');
const callAddon = () =>
  runNode(
    dir,
    `const m = require('./build/tsnative/manifest.json').modules['src/twice.ts'];
console.log(require('./build/tsnative/' + m.targets.cpu.addon).twice(21));`,
  );

const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'tsn-kill-cache-'));

beforeAll(() => {
  // A cache of its own, to see the compile start there (compiler/build/gyp-template.ts).
  process.env.TSNATIVE_CACHE_DIR = cache;
  dir = makeProject('tsn-kill-', { 'package.json': '{ "name": "kill-demo", "private": true }\n', 'src/twice.ts': v1 });
  expect(tsnative(dir, ['build', 'src/twice.ts']).status).toBe(0);
  expect(callAddon().stdout.trim()).toBe('42');
});

afterAll(() => {
  delete process.env.TSNATIVE_CACHE_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
});

it('SIGKILL while the C++ compiles leaves the old addon loading and correct', async () => {
  const before = fs.readFileSync(manifestFile(), 'utf8');
  fs.writeFileSync(path.join(dir, 'src/twice.ts'), v2);
  const child = startTsnative(dir, ['build', 'src/twice.ts']);
  // Kill it once the compiler is running (its temporary build directory exists).
  const gyp = path.join(cache, 'gyp');
  const compiling = () => fs.existsSync(gyp) && fs.readdirSync(gyp).some((d) => d.includes('.work-'));
  const deadline = Date.now() + 20000;
  while (!compiling() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(compiling()).toBe(true);
  await new Promise((r) => setTimeout(r, 150));
  process.kill(child.pid!, 'SIGKILL');
  await new Promise((r) => child.once('exit', r));

  expect(fs.readFileSync(manifestFile(), 'utf8')).toBe(before);
  expect(callAddon().stdout.trim()).toBe('42');

  const again = tsnative(dir, ['build', 'src/twice.ts']);
  expect(again.status).toBe(0);
  expect(callAddon().stdout.trim()).toBe('63');
});
