// The parts of `tsnative doctor` that look beyond the CPU build: OpenMP is
// proven by compiling and running a parallel loop (a libgomp on disk does not
// show that threads start), and MPI (nvcc and the GPU: doctor-gpu.ts). Each
// check is one line: ok, or what is missing and what to install.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findExecutable } from '../build/toolchain';

export interface DoctorLine {
  /** `missing`: builds cannot work; `absent`: an optional feature is off; `warn`: present but not working fully. */
  status: 'ok' | 'missing' | 'absent' | 'warn';
  what: string;
  detail: string;
}

export function firstLine(cmd: string, args: string[], pick: (line: string) => boolean = () => true): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
  const lines = `${r.stdout ?? ''}${r.stderr ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.find(pick) ?? lines[0] ?? '';
}

// Chunks of one iteration, many more than threads: every thread the runtime
// really started gets work and marks its slot.
const OPENMP_PROBE = `#include <omp.h>
#include <cstdio>
#include <vector>
int main() {
  const int most = omp_get_max_threads();
  std::vector<int> ran(most, 0);
  double sink = 0;
  #pragma omp parallel for schedule(static, 1) reduction(+ : sink)
  for (int i = 0; i < most * 64; i++) {
    ran[omp_get_thread_num()] = 1;
    for (int k = 0; k < 20000; k++) sink += (i ^ k) * 1e-9;
  }
  int threads = 0;
  for (int r : ran) threads += r;
  std::printf("%d %d %d\\n", threads, most, sink > 0 ? 1 : 0);
  return 0;
}
`;

const OPENMP_INSTALL = 'install an OpenMP runtime (g++: `apt install libgomp1`; clang++: `apt install libomp-dev`)';

export function probeOpenMP(compiler: string | undefined): DoctorLine {
  const what = 'OpenMP';
  if (!compiler) return { status: 'absent', what, detail: 'no C++ compiler to try it with: prange loops would run on one thread' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tsnative-doctor-${process.pid}-`));
  try {
    const src = path.join(dir, 'probe.cc');
    const exe = path.join(dir, 'probe');
    fs.writeFileSync(src, OPENMP_PROBE);
    const cc = spawnSync(compiler, ['-fopenmp', '-O1', src, '-o', exe], { encoding: 'utf8', timeout: 60_000 });
    if (cc.status !== 0) {
      const why =
        `${cc.stderr ?? ''}`
          .split('\n')
          .find((l) => /error/i.test(l))
          ?.trim() ??
        cc.error?.message ??
        `exit ${cc.status}`;
      return {
        status: 'absent',
        what,
        detail: `\`${path.basename(compiler)} -fopenmp\` failed (${why}): prange loops run on one thread; ${OPENMP_INSTALL}`,
      };
    }
    const run = spawnSync(exe, [], { encoding: 'utf8', timeout: 20_000 });
    const [threads, most] = `${run.stdout ?? ''}`.trim().split(/\s+/).map(Number);
    if (run.status !== 0 || !threads || !most) {
      return {
        status: 'warn',
        what,
        detail: `the probe compiled but did not run (${run.error?.message ?? `exit ${run.status}`}): ${OPENMP_INSTALL}`,
      };
    }
    const cores = os.availableParallelism();
    const ran = `a parallel loop ran on ${threads} ${threads === 1 ? 'thread' : 'threads'} (${path.basename(compiler)} -fopenmp; ${cores} ${cores === 1 ? 'core' : 'cores'})`;
    if (threads < Math.min(most, cores)) {
      return { status: 'warn', what, detail: `only ${ran}, of ${most} it asked for` };
    }
    const limited = process.env.OMP_NUM_THREADS ? `, limited by OMP_NUM_THREADS=${process.env.OMP_NUM_THREADS}` : '';
    return { status: 'ok', what, detail: `${ran}${limited}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function mpiLine(): DoctorLine {
  const what = 'MPI';
  const mpicc = findExecutable('mpicc') ?? findExecutable('mpicxx');
  const mpirun = findExecutable('mpirun') ?? findExecutable('mpiexec');
  if (!mpicc && !mpirun) return { status: 'absent', what, detail: 'not found (tsnative/mpi needs it): install openmpi-bin libopenmpi-dev' };
  if (!mpicc) return { status: 'absent', what, detail: `${mpirun} found, but no mpicc to build with: install libopenmpi-dev` };
  if (!mpirun) return { status: 'absent', what, detail: `${mpicc} found, but no mpirun to launch with: install openmpi-bin` };
  return { status: 'ok', what, detail: `${mpicc}, ${mpirun} (${firstLine(mpirun, ['--version']) || 'version unknown'})` };
}
