// tsnative doctor: what this machine has for each kind of build, one line each.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findExecutable, findNodeDir, findPython, toolProblems } from '../build/toolchain';
import { napiVersion, packageVersion } from '../build/package-root';
import type { Output } from './output';
import { EXIT_FAILED, EXIT_OK } from './usage-error';

function firstLine(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

function cxx(): string | undefined {
  const fromEnv = process.env.CXX?.trim().split(/\s+/)[0];
  return fromEnv ? findExecutable(fromEnv) : (findExecutable('g++') ?? findExecutable('c++') ?? findExecutable('clang++'));
}

function openmp(compiler: string): boolean {
  const lib = spawnSync(compiler, ['-print-file-name=libgomp.so'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  return path.isAbsolute(lib) && fs.existsSync(lib);
}

export function doctorCommand(io: Output): number {
  const { c } = io;
  const ok = (what: string, detail: string): void => io.out(`${c.green('ok')}      ${what}: ${detail}`);
  const missing = (what: string, detail: string): void => io.out(`${c.red('missing')} ${what}: ${detail}`);
  const optional = (what: string, detail: string): void => io.out(`${c.yellow('absent')}  ${what}: ${detail}`);

  io.out(`tsnative ${packageVersion()}, Node ${process.version} (ABI ${process.versions.modules}, N-API ${process.versions.napi}), node-addon-api ${napiVersion()}`);
  const nodeDir = findNodeDir();
  if (nodeDir) ok('Node headers', nodeDir);
  else missing('Node headers', 'not found next to node, in npm_config_nodedir or in node-gyp\'s cache: run `npx node-gyp install`');
  const problems = new Map(toolProblems().map((p) => [p.tool, p.message]));
  const compiler = cxx();
  if (compiler && !problems.has('c++')) ok('C++ compiler', `${compiler} (${firstLine(compiler, ['--version'])})`);
  else missing('C++ compiler', problems.get('c++') ?? 'not found');
  if (!problems.has('make')) ok('make', findExecutable('make') ?? 'found');
  else missing('make', problems.get('make')!);
  const python = findPython();
  if (python) ok('python', `${python} (${firstLine(python, ['--version'])})`);
  else missing('python', problems.get('python') ?? 'not found');
  if (compiler && openmp(compiler)) ok('OpenMP', 'libgomp (prange runs on every core)');
  else optional('OpenMP', 'libgomp not found: prange loops run on one thread');
  const nvcc = findExecutable('nvcc');
  if (nvcc) ok('CUDA', `${nvcc} (${firstLine(nvcc, ['--version']).replace(/^nvcc: /, '')})`);
  else optional('CUDA', 'nvcc not found: @kernel functions use the CPU simulator');
  const mpicc = findExecutable('mpicc') ?? findExecutable('mpicxx');
  if (mpicc) ok('MPI', mpicc);
  else optional('MPI', 'not found: tsnative/mpi needs an MPI (`apt install libopenmpi-dev openmpi-bin`)');
  const ready = !!nodeDir && problems.size === 0;
  io.out(ready ? 'CPU builds: ready' : c.red('CPU builds: not possible until the missing items above are installed'));
  return ready ? EXIT_OK : EXIT_FAILED;
}
