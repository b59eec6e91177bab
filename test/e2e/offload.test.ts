// offload(): native work on the libuv pool, the event loop free meanwhile;
// and one addon used from several worker_threads at once.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadNative } from '../../runtime/loader';
import { isNative } from '../../runtime/native-of';
import { offload } from '../../runtime/offload';
import { buildModules, loadAddon } from '../support/native';
import * as js from './cases/work';

const file = path.join(__dirname, 'cases', 'work.ts');
let spin: typeof js.spin;
let sumTo: typeof js.sumTo;
let scaleInPlace: typeof js.scaleInPlace;
let makeArray: typeof js.makeArray;

beforeAll(() => {
  buildModules([file]);
  spin = loadNative(file, 'spin', js.spin);
  sumTo = loadNative(file, 'sumTo', js.sumTo);
  scaleInPlace = loadNative(file, 'scaleInPlace', js.scaleInPlace);
  makeArray = loadNative(file, 'makeArray', js.makeArray);
  expect(isNative(spin)).toBe(true);
});

describe('offload', () => {
  it('resolves with what the synchronous call returns', async () => {
    await expect(offload(spin)(1)).resolves.toBe(spin(1));
    const xs = Float64Array.of(1, 2, 3);
    const out = await offload(scaleInPlace)(xs, 2);
    expect(out).toBe(xs);
    expect(Array.from(xs)).toEqual([2, 4, 6]);
  });

  it('leaves the event loop free: a timer set before the call fires before it settles', async () => {
    const events: string[] = [];
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        events.push('timer');
        resolve();
      }, 0),
    );
    const work = offload(spin)(3).then(() => events.push('work'));
    await Promise.all([timer, work]);
    expect(events).toEqual(['timer', 'work']);
  });

  it('rejects with the error the call would throw', async () => {
    const xs = Float64Array.of(1, 2);
    await expect(offload(sumTo)(xs, 3)).rejects.toMatchObject({
      name: 'RangeError',
      message: expect.stringContaining('sumTo: index 2 is out of bounds for length 2'),
    });
    await expect(offload(sumTo)(xs as never, 1.5 as never)).rejects.toMatchObject({
      name: 'TypeError',
      message: 'sumTo(n): expected an i32 integer, got 1.5',
    });
    await expect((offload(sumTo) as (...a: unknown[]) => Promise<unknown>)(xs)).rejects.toMatchObject({
      name: 'TypeError',
      message: 'sumTo: expected 2 arguments, got 1',
    });
  });

  it('refuses to allocate off the JS thread, without crashing', async () => {
    expect(makeArray(3)).toHaveLength(3);
    await expect(offload(makeArray)(3)).rejects.toMatchObject({ name: 'Error', message: expect.stringContaining('off the JS thread') });
  });

  it('keeps its typed arrays alive until it settles', async () => {
    const pending = offload(sumTo)(new Float64Array(1_000_000).fill(0.5), 1_000_000);
    (global as { gc?: () => void }).gc?.();
    await expect(pending).resolves.toBe(500000);
  });

  it('runs a function that is not native as JS, with one warning', async () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const plain = (a: number) => a * 2;
    await expect(offload(plain)(21)).resolves.toBe(42);
    await expect(offload(plain)(1)).resolves.toBe(2);
    const mine = warn.mock.calls.filter(([m]) => String(m).includes('offload(plain)'));
    warn.mockRestore();
    expect(mine).toHaveLength(1);
  });
});

it('four worker_threads use one addon at once and get right answers', async () => {
  const full = loadAddon(file).path;
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const addon = require(workerData.addon);
    const xs = new Float64Array(100000).map((_, i) => i * workerData.k);
    parentPort.postMessage(addon.sumTo(xs, xs.length));`;
  const results = await Promise.all(
    [1, 2, 3, 4].map(
      (k) =>
        new Promise<number>((resolve, reject) => {
          const w = new Worker(source, { eval: true, workerData: { addon: full, k } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  const expected = [1, 2, 3, 4].map((k) =>
    js.sumTo(
      new Float64Array(100000).map((_, i) => i * k),
      100000,
    ),
  );
  expect(results).toEqual(expected);
});
