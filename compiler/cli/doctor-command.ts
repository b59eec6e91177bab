// tsnative doctor: what this machine has for each kind of build, one line each.
import { findExecutable, findNodeDir, findPython, toolProblems } from '../build/toolchain';
import { napiVersion, packageVersion } from '../build/package-root';
import { gpuLines } from './doctor-gpu';
import { firstLine, mpiLine, probeOpenMP, type DoctorLine } from './doctor-probes';
import type { Output } from './output';
import { EXIT_FAILED, EXIT_OK } from './usage-error';

function cxx(): string | undefined {
  const fromEnv = process.env.CXX?.trim().split(/\s+/)[0];
  return fromEnv ? findExecutable(fromEnv) : (findExecutable('g++') ?? findExecutable('c++') ?? findExecutable('clang++'));
}

export function doctorCommand(io: Output): number {
  const { c } = io;
  const color = { ok: c.green, missing: c.red, absent: c.yellow, warn: c.yellow };
  const show = (l: DoctorLine): void => io.out(`${color[l.status](l.status)}${' '.repeat(8 - l.status.length)}${l.what}: ${l.detail}`);
  const ok = (what: string, detail: string): void => show({ status: 'ok', what, detail });
  const missing = (what: string, detail: string): void => show({ status: 'missing', what, detail });

  io.out(
    `tsnative ${packageVersion()}, Node ${process.version} (ABI ${process.versions.modules}, N-API ${process.versions.napi}), node-addon-api ${napiVersion()}`,
  );
  const nodeDir = findNodeDir();
  if (nodeDir) ok('Node headers', nodeDir);
  else missing('Node headers', "not found next to node, in npm_config_nodedir or in node-gyp's cache: run `npx node-gyp install`");
  const problems = new Map(toolProblems().map((p) => [p.tool, p.message]));
  const compiler = cxx();
  if (compiler && !problems.has('c++')) ok('C++ compiler', `${compiler} (${firstLine(compiler, ['--version'])})`);
  else missing('C++ compiler', problems.get('c++') ?? 'not found');
  if (!problems.has('make')) ok('make', findExecutable('make') ?? 'found');
  else missing('make', problems.get('make')!);
  const python = findPython();
  if (python) ok('python', `${python} (${firstLine(python, ['--version'])})`);
  else missing('python', problems.get('python') ?? 'not found');
  for (const line of [probeOpenMP(problems.has('c++') ? undefined : compiler), ...gpuLines(), mpiLine()]) show(line);
  const ready = !!nodeDir && problems.size === 0;
  io.out(ready ? 'CPU builds: ready' : c.red('CPU builds: not possible until the missing items above are installed'));
  return ready ? EXIT_OK : EXIT_FAILED;
}
