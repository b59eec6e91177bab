// `tsnative doctor` on this machine, on one without compilers (PATH) or CUDA
// (TSNATIVE_NVCC naming none), and with a C++ compiler whose -fopenmp does
// not work (CXX): each line is ok or says what to install, the OpenMP line
// comes from a loop that really ran, and the GPU line from a CUDA program.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeProject, pathWithoutCompilers, tsnative, writeFiles } from './cli-project';

let dir: string;
beforeAll(() => {
  dir = makeProject('tsn-doctor-', { 'package.json': '{"name":"app","private":true}' });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('proves OpenMP with a parallel loop and has a line for nvcc, the GPU and MPI', () => {
  const r = tsnative(dir, ['doctor']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const threads = Number(/^ok {6}OpenMP: a parallel loop ran on (\d+) threads? \(\S+ -fopenmp; \d+ cores?\)/m.exec(r.stdout)?.[1]);
  expect(threads).toBeGreaterThanOrEqual(1);
  if (os.availableParallelism() > 1 && !process.env.OMP_NUM_THREADS) expect(threads).toBeGreaterThan(1);
  expect(r.stdout).toMatch(
    /^(ok {6}nvcc: .*release \d+\.\d+, V[\d.]+; builds sm_\d+ to sm_\d+\)|absent {2}nvcc: not found: needed only for --target cuda)$/m,
  );
  expect(r.stdout).toMatch(
    /^(ok {6}GPU: .*\(compute capability \d+\.\d+, \d+ multiprocessors, [\d.]+ GiB\).*; driver for CUDA \d+\.\d+, CUDA runtime \d+\.\d+|absent {2}GPU: .*kernels run on the CPU simulator)$/m,
  );
  expect(r.stdout).toMatch(/^(ok {6}kernels would run on: GPU .+|absent {2}kernels would run on: the CPU simulator \(.+\))$/m);
  if (/^ok {6}nvcc/m.test(r.stdout) && !/^ok {6}GPU/m.test(r.stdout)) {
    // This machine's CUDA runtime explains why there is no GPU, in the words the launch runtime uses.
    expect(r.stdout).toMatch(/^absent {2}GPU: (no NVIDIA driver \(CUDA runtime|no CUDA device \(|driver older than the CUDA runtime)/m);
  }
  expect(r.stdout).toMatch(/^(ok {6}MPI: |absent {2}MPI: .*install (openmpi-bin|libopenmpi-dev))/m);
  expect(r.stdout).toMatch(/^CPU builds: ready$/m);
});

it('says what to install on a machine without compilers, and exits 1', () => {
  const r = tsnative(dir, ['doctor'], { PATH: pathWithoutCompilers(dir), TSNATIVE_NVCC: path.join(dir, 'no-nvcc') });
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/^missing C\+\+ compiler: no C\+\+ compiler/m);
  expect(r.stdout).toMatch(/^absent {2}OpenMP: no C\+\+ compiler to try it with/m);
  expect(r.stdout).toMatch(/^absent {2}nvcc: not found: needed only for --target cuda$/m);
  expect(r.stdout).toMatch(/^absent {2}GPU: no GPU \(no nvidia-smi\): kernels run on the CPU simulator$/m);
  expect(r.stdout).toMatch(/^absent {2}kernels would run on: the CPU simulator \(no nvcc: cuda addons cannot be built\)$/m);
  expect(r.stdout).toMatch(/^absent {2}MPI: not found \(tsnative\/mpi needs it\): install openmpi-bin libopenmpi-dev$/m);
});

it('reports a compiler whose -fopenmp fails, with what to install', () => {
  const fake = path.join(dir, 'fake-cxx');
  writeFiles(dir, {
    'fake-cxx':
      '#!/bin/sh\nfor a in "$@"; do [ "$a" = -fopenmp ] && { echo "fake-cxx: error: unsupported option -fopenmp" >&2; exit 1; }; done\nexec g++ "$@"\n',
  });
  fs.chmodSync(fake, 0o755);
  const r = tsnative(dir, ['doctor'], { CXX: fake });
  expect(r.stdout).toMatch(
    /^absent {2}OpenMP: `fake-cxx -fopenmp` failed \(fake-cxx: error: unsupported option -fopenmp\): .*apt install libgomp1/m,
  );
  expect(r.status).toBe(0);
});

it('says kernels would run on the simulator under TSNATIVE_CUDA=sim', () => {
  const r = tsnative(dir, ['doctor'], { TSNATIVE_CUDA: 'sim' });
  expect(r.stdout).toMatch(/^absent {2}kernels would run on: the CPU simulator \(TSNATIVE_CUDA=sim\)$/m);
});
