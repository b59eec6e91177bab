// Every test kernel compiles with nvcc into a CUDA addon that loads on a
// machine without a GPU and says why it cannot run there; its launchers copy
// back only the arrays a kernel may write. (Results on a GPU: the device
// script in the closing notes of the GPU issue runs these kernels there.)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNvcc } from '../../compiler/build/cuda-toolkit';
import { BACKENDS, compileFiles, optimiseModule } from '../../compiler/driver';
import { expectError } from '../support/errors';
import { buildNative, makeProject } from '../e2e/runtime-project';
import { launch } from '../../runtime/index';
import * as k from './cases/kernels';

const cases = path.join(__dirname, 'cases', 'kernels.ts');
const hasNvcc = findNvcc() !== undefined;

it('launchers copy back exactly the arrays a kernel (or a function it calls) writes', () => {
  const [r] = compileFiles([cases]);
  const cu = BACKENDS.cuda.emit(optimiseModule(r!.ir, BACKENDS.cuda, [])).files[0]!.text;
  const written = (kernel: string) =>
    [...cu.matchAll(new RegExp(`auto (\\w+) = launch\\.array<\\w+>\\(args, \\d+, "\\w+", \\w+, (true|false)\\);`, 'g'))]
      .filter((m) => cu.lastIndexOf('void tsn_launch_', m.index) === cu.indexOf(`void tsn_launch_${kernel}(`))
      .map((m) => `${m[1]}:${m[2]}`);
  expect(written('saxpy')).toEqual(['x:false', 'y:true']);
  expect(written('blockSum')).toEqual(['xs:false', 'partial:true']);
  expect(written('histogram')).toEqual(['values:false', 'bins:true']);
  expect(written('stencil')).toEqual(['src:false', 'dst:true']);
  expect(written('atomics')).toEqual(['ints:true', 'floats:true', 'olds:true']);
});

(hasNvcc ? describe : describe.skip)('built with nvcc', () => {
  let dir: string;
  let gpu: Record<string, (...a: unknown[]) => unknown>;

  beforeAll(() => {
    dir = makeProject('tsn-cuda-build-', {
      'src/kernels.ts': fs.readFileSync(cases, 'utf8'),
      'tsnative.config.json': JSON.stringify({ targets: ['cpu', 'cuda'], cudaArchitectures: ['75'] }),
    });
    buildNative(dir, ['src/kernels.ts']);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'build', 'tsnative', 'manifest.json'), 'utf8'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    gpu = require(path.join(dir, 'build', 'tsnative', manifest.modules['src/kernels.ts'].targets.cuda.addon));
  });

  it('exports a launcher and its async form for every kernel', () => {
    for (const k of [
      'vectorAdd',
      'saxpy',
      'gridStride',
      'blockSum',
      'histogram',
      'stencil',
      'atomics',
      'outOfBounds',
      'divergent',
      'racy',
      'throws',
    ]) {
      expect(typeof gpu[`gpu:${k}`]).toBe('function');
      expect(typeof gpu[`offload:gpu:${k}`]).toBe('function');
    }
  });

  // Where a GPU is present (a device machine), the kernels run on it and agree with the JS simulation.
  // Skipped (not passed) where there is no NVIDIA driver.
  (fs.existsSync('/proc/driver/nvidia/version') ? it : it.skip)('on a GPU, computes what the JS lock-step simulation computes', () => {
    expect((gpu.tsn_cuda_status!() as { ok: boolean; why?: string }).why).toBeUndefined();
    type D3 = [number, number, number];
    const run = (name: string, grid: D3, block: D3, ...args: unknown[]) => gpu[`gpu:${name}`]!(...grid, ...block, 0, ...args);
    const copy = (args: unknown[]) => args.map((a) => (ArrayBuffer.isView(a) ? (a as Float64Array).slice() : a));
    const plain = (args: unknown[]) => args.map((a) => (ArrayBuffer.isView(a) ? Array.from(a as Float64Array) : a));
    const same = (name: string, kernel: (...a: never[]) => void, grid: D3, block: D3, args: unknown[]) => {
      const js = copy(args);
      const dev = copy(args);
      launch(kernel as unknown as (...a: unknown[]) => void, { grid, block }, ...js);
      run(name, grid, block, ...dev);
      expect(plain(dev)).toEqual(plain(js));
    };
    const xs = Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i) * 100);
    const fx = Float32Array.from(xs, (v) => Math.fround(v));
    same('vectorAdd', k.vectorAdd, [12, 1, 1], [256, 1, 1], [xs, xs.map((v) => v / 3), new Float64Array(3000)]);
    same('saxpy', k.saxpy, [12, 1, 1], [256, 1, 1], [Math.fround(1.5), fx, fx.map((v) => Math.fround(v / 7))]);
    same('gridStride', k.gridStride, [3, 1, 1], [64, 1, 1], [xs, 0.75]);
    same('blockSum', k.blockSum, [24, 1, 1], [128, 1, 1], [xs, new Float64Array(24)]);
    same('histogram', k.histogram, [8, 1, 1], [64, 1, 1], [Int32Array.from(xs, (v) => Math.trunc(v)), new Int32Array(16)]);
    same('stencil', k.stencil, [4, 3, 1], [16, 16, 1], [fx.slice(0, 60 * 40), new Float32Array(60 * 40), 60, 40]);
    same('atomics', k.atomics, [1, 1, 1], [1, 1, 1], [Int32Array.of(1, 2, 3, 4), new Float64Array(1), new Float64Array(1)]);
    expectError(
      () => run('outOfBounds', [2, 1, 1], [8, 1, 1], new Float64Array(10)),
      'RangeError',
      /^outOfBounds: index 1\d is out of bounds for length 10 \(src\/kernels\.ts:86\)$/,
    );
    expectError(() => run('throws', [2, 1, 1], [4, 1, 1], new Float64Array(1)), 'RangeError', 'thread five');
  });

  it("says whether it can run here, and a launch where it cannot is an Error with CUDA's name for why", () => {
    const status = gpu.tsn_cuda_status!() as { ok: boolean; why?: string };
    if (status.ok) return;
    expect(status.why).toMatch(/no NVIDIA driver|no CUDA device|driver older/);
    expectError(
      () => gpu['gpu:saxpy']!(1, 1, 1, 32, 1, 1, 0, 1, new Float32Array(4), new Float32Array(4)),
      'Error',
      /^saxpy: cannot run on the GPU: cudaError\w+: /,
    );
  });
});
