// What node-gyp needs, checked before any build starts so that a missing
// tool is one line naming what to install, not a page of `gyp ERR!`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ToolchainProblem {
  tool: 'c++' | 'make' | 'python' | 'headers' | 'nvcc';
  message: string;
}

const WINDOWS = process.platform === 'win32';

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, WINDOWS ? fs.constants.F_OK : fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first `name` on PATH (or `name` itself when it is a path). */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (name.includes('/') || name.includes(path.sep)) return isExecutable(name) ? path.resolve(name) : undefined;
  const exts = WINDOWS ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

function hasHeaders(dir: string | undefined): dir is string {
  return !!dir && fs.existsSync(path.join(dir, 'include', 'node', 'node_api.h'));
}

/** node-gyp's own header cache (where `node-gyp install` puts them). */
function devDir(env: NodeJS.ProcessEnv): string {
  if (env.npm_config_devdir) return env.npm_config_devdir;
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'node-gyp');
  if (WINDOWS) return path.join(env.LOCALAPPDATA ?? os.homedir(), 'node-gyp', 'Cache');
  return path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'node-gyp');
}

/**
 * The Node headers to build against, without asking npm (slow) or the
 * network: the running node's own install prefix, then npm_config_nodedir,
 * then node-gyp's cache.
 */
export function findNodeDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [path.resolve(process.execPath, '..', '..'), env.npm_config_nodedir, path.join(devDir(env), process.versions.node)];
  return candidates.find(hasHeaders);
}

export function findPython(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of [env.NODE_GYP_FORCE_PYTHON, env.npm_config_python, env.PYTHON]) {
    if (name && findExecutable(name, env)) return findExecutable(name, env);
  }
  return findExecutable('python3', env) ?? findExecutable('python', env);
}

function findCxx(env: NodeJS.ProcessEnv): string | undefined {
  const fromEnv = env.CXX?.trim().split(/\s+/)[0];
  if (fromEnv) return findExecutable(fromEnv, env);
  return findExecutable('g++', env) ?? findExecutable('c++', env) ?? findExecutable('clang++', env);
}

/** Problems with the compilers and tools (not the headers, see findNodeDir). */
export function toolProblems(env: NodeJS.ProcessEnv = process.env): ToolchainProblem[] {
  if (WINDOWS) return [];
  const out: ToolchainProblem[] = [];
  if (!findCxx(env)) {
    out.push({ tool: 'c++', message: env.CXX ? `no C++ compiler (CXX=${env.CXX} not found)` : 'no C++ compiler (g++, c++ or clang++)' });
  }
  const make = ['freebsd', 'openbsd', 'netbsd'].includes(process.platform) ? 'gmake' : 'make';
  if (!findExecutable(env.npm_config_make ?? make, env)) out.push({ tool: 'make', message: `no ${make}` });
  if (!findPython(env)) out.push({ tool: 'python', message: 'no python3 (node-gyp runs on it)' });
  return out;
}

/** What to install for `problems`, as a command for this platform. */
export function installHint(problems: readonly ToolchainProblem[]): string {
  if (process.platform === 'darwin') return '`xcode-select --install`';
  const packages = new Set<string>();
  for (const p of problems) {
    if (p.tool === 'c++' || p.tool === 'make') packages.add('build-essential');
    if (p.tool === 'python') packages.add('python3');
  }
  return packages.size > 0 ? `\`sudo apt install ${[...packages].join(' ')}\` or your system's equivalent` : '';
}

/** The one line a user sees when nothing can be compiled (or, for nvcc's problems, nothing for the cuda target). */
export function toolchainMessage(problems: readonly ToolchainProblem[]): string {
  const tools = problems.filter((p) => p.tool !== 'headers' && p.tool !== 'nvcc');
  const headers = problems.find((p) => p.tool === 'headers');
  const parts: string[] = [];
  if (tools.length > 0)
    parts.push(`${tools.map((p) => p.message).join(', ')}: install ${tools.length === 1 ? 'it' : 'them'} (${installHint(tools)})`);
  if (headers) parts.push(headers.message);
  // Whole messages: what to do differs from problem to problem (install the toolkit, change the architectures).
  for (const p of problems) if (p.tool === 'nvcc') parts.push(p.message);
  return `${parts.join('; ')}; \`npx tsnative doctor\` checks everything`;
}

export function headersProblem(): ToolchainProblem {
  return {
    tool: 'headers',
    message: `no Node headers for Node ${process.version} (include/node/node_api.h): install them next to node, run \`npx node-gyp install\`, or set npm_config_nodedir`,
  };
}

let compilerVersion: string | undefined;

/** The C++ compiler's version ($CXX, else g++), read once per process: part of every build cache key. */
export function cxxVersion(): string {
  compilerVersion ??= `${process.env.CXX ?? 'g++'} ${spawnSync(process.env.CXX ?? 'g++', ['-dumpfullversion', '-dumpversion'], { encoding: 'utf8' }).stdout?.trim() ?? ''}`;
  return compilerVersion;
}
