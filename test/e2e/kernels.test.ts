// GPU kernels in a user's project, run as users run them: the same program
// without a build (the JS lock-step simulation), after `tsnative build` with
// the CUDA target (the GPU where there is one, else the compiled simulator,
// with one notice), forced onto either by TSNATIVE_CUDA, and stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNvcc } from '../../compiler/build/cuda-toolkit';
import { buildNative, makeProject, node, writeFiles } from './runtime-project';

const KERNELS = `import { cuda, type f64 } from 'tsnative';

const BLOCK = 64;

/** @kernel */
export function scale(xs: Float64Array, by: f64): void {
  for (let i = cuda.grid(1); i < xs.length; i += cuda.gridsize(1)) xs[i] = xs[i] * by + 1;
}

/** @kernel */
export function blockSum(xs: Float64Array, partial: Float64Array): void {
  const s = cuda.shared.array(Float64Array, BLOCK);
  const t = cuda.threadIdx.x;
  const i = cuda.grid(1);
  s[t] = i < xs.length ? xs[i] : 0;
  cuda.syncthreads();
  for (let step = BLOCK / 2; step > 0; step >>= 1) {
    if (t < step) s[t] += s[t + step];
    cuda.syncthreads();
  }
  if (t === 0) partial[cuda.blockIdx.x] = s[0];
}
`;

const APP = `import { cuda, launch, launchAsync } from 'tsnative';
import { blockSum, scale } from './src/kernels';

async function main(): Promise<void> {
  const xs = Float64Array.from({ length: 1000 }, (_, i) => i / 8);
  // On the device across launches: copied there once, back once.
  const dev = cuda.toDevice(xs);
  launch(scale, { grid: 4, block: 64 }, dev, 0.5);
  launch(scale, { grid: [2, 1], block: [32] }, dev, 3);
  const back = dev.copyToHost();
  const partial = new Float64Array(16);
  await launchAsync(blockSum, { grid: 16, block: 64 }, back, partial);
  const zeros = cuda.deviceArray(Float64Array, 8);
  launch(scale, { grid: 1, block: 8 }, zeros, 2);
  dev.free();
  console.log(JSON.stringify({ first: back[0], last: back[999], sum: partial.reduce((a, b) => a + b, 0), ones: Array.from(zeros.copyToHost()) }));
}
main().catch((e: Error) => {
  console.log(JSON.stringify({ error: e.name, message: e.message }));
});
`;

const hasNvcc = findNvcc() !== undefined;
let dir: string;
const run = (env: Record<string, string> = {}, register = true) =>
  node(dir, ['--import', 'tsx', ...(register ? ['--import', 'tsnative/register'] : []), 'app.ts'], env);
const result = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;

// What the program computes, by hand: ((i/8)*0.5 + 1)*3 + 1.
const expected = (() => {
  const xs = Array.from({ length: 1000 }, (_, i) => ((i / 8) * 0.5 + 1) * 3 + 1);
  return { first: xs[0], last: xs[999], sum: xs.reduce((a, b) => a + b, 0), ones: new Array(8).fill(1) };
})();

beforeAll(() => {
  dir = makeProject('tsn-kernels-', {
    'src/kernels.ts': KERNELS,
    'app.ts': APP,
    'tsnative.config.json': JSON.stringify({ targets: hasNvcc ? ['cpu', 'cuda'] : ['cpu'], cudaArchitectures: ['75'] }),
  });
});

it('runs as JS, in lock-step, before any build', () => {
  const r = run({}, false);
  expect(result(r.stdout)).toEqual(expected);
});

describe('built', () => {
  beforeAll(() => buildNative(dir, ['src/kernels.ts']));

  it(`builds the simulator into the CPU addon${hasNvcc ? ' and the kernels into a CUDA addon' : ''}`, () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'build', 'tsnative', 'manifest.json'), 'utf8'));
    const targets = Object.keys(manifest.modules['src/kernels.ts'].targets);
    expect(targets).toEqual(hasNvcc ? ['cpu', 'cuda'] : ['cpu']);
    expect(manifest.modules['src/kernels.ts'].functions.map((f: { kernel?: boolean }) => f.kernel)).toEqual([true, true]);
  });

  it('gives the same results on the GPU or, where there is none, on the simulator with one notice', () => {
    const r = run();
    expect(result(r.stdout)).toEqual(expected);
    const notices = r.stderr.split('\n').filter((l) => l.includes('TSNATIVE_CUDA_SIM'));
    const gpu = /nvidia/i.test(fs.existsSync('/proc/driver/nvidia/version') ? 'nvidia' : '');
    expect(notices).toHaveLength(gpu ? 0 : 1);
    if (!gpu)
      expect(notices[0]).toMatch(/kernels run on tsnative's CPU simulator, not on a GPU: (no NVIDIA driver|.*without the cuda target)/);
  });

  it('TSNATIVE_CUDA=sim runs the simulator without a notice', () => {
    const r = run({ TSNATIVE_CUDA: 'sim' });
    expect(result(r.stdout)).toEqual(expected);
    expect(r.stderr).not.toContain('TSNATIVE_CUDA_SIM');
  });

  it('TSNATIVE_CUDA=gpu without a GPU is an error that says why', () => {
    if (fs.existsSync('/proc/driver/nvidia/version')) return;
    const r = run({ TSNATIVE_CUDA: 'gpu' });
    const out = result(r.stdout);
    expect(out.error).toBe('Error');
    expect(out.message).toMatch(hasNvcc ? /no NVIDIA driver|no CUDA device|driver older/ : /cuda target|not built for the GPU|GPU/);
  });

  it('a kernel whose source changed runs as JS again, with a warning naming it', () => {
    writeFiles(dir, { 'src/kernels.ts': `${KERNELS}\n// edited\n` });
    try {
      const r = run();
      expect(result(r.stdout)).toEqual(expected);
      expect(r.stderr).toMatch(/scale \(src\/kernels\.ts\) runs as JavaScript, not native: .*changed since it was built/);
    } finally {
      writeFiles(dir, { 'src/kernels.ts': KERNELS });
    }
  });
});
