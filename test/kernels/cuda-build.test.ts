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
