// The package's own addon (top-level binding.gyp), which `npm install` builds.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { findNodeDir } from '../../compiler/build/toolchain';

const REPO = path.resolve(__dirname, '../..');
const ADDON = path.join(REPO, 'build', 'Release', 'tsnative_runtime.node');

interface RuntimeAddon {
  version: string;
  hardwareConcurrency(): number;
}

beforeAll(() => {
  if (fs.existsSync(ADDON)) return;
  // What the install script runs (`configure build`: `rebuild` would delete build/tsnative).
  const nodeDir = findNodeDir();
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  const r = spawnSync(process.execPath, [gyp, 'configure', 'build', ...(nodeDir ? [`--nodedir=${nodeDir}`] : [])], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node-gyp failed:\n${r.stdout}\n${r.stderr}`);
});

it('exports the package version and the hardware concurrency', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addon = require(ADDON) as RuntimeAddon;
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
  expect(addon.version).toBe(version);
  const n = addon.hardwareConcurrency();
  expect(Number.isInteger(n) && n >= 0).toBe(true);
});

it('loads in a worker thread (context-aware)', async () => {
  const worker = new Worker(`const { parentPort } = require('node:worker_threads'); parentPort.postMessage(require(${JSON.stringify(ADDON)}).version);`, { eval: true });
  const version = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  expect(typeof version).toBe('string');
});
