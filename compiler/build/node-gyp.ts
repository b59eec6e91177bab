// node-gyp as a child process of the running node (never via npx: that is
// slow and may pick another node-gyp), always against known headers.
import { spawn, type ChildProcess } from 'node:child_process';

export interface GypRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

export function nodeGypScript(): string {
  return require.resolve('node-gyp/bin/node-gyp.js');
}

const running = new Set<ChildProcess>();

/** Stops every node-gyp still running (with its make and compilers: each runs in its own process group). */
export function killRunning(): void {
  for (const child of running) {
    try {
      if (child.pid !== undefined) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

export interface GypOptions {
  nodeDir?: string;
  python?: string;
  /** node-gyp's verbose log, which includes make's command lines (the exact compiler flags). */
  verbose?: boolean;
}

/**
 * node-gyp lets npm_config_* variables override its command line, so the
 * options are set both ways: a build run from an npm script gets the same
 * headers and log level as one run from a shell.
 */
export function runNodeGyp(args: string[], cwd: string, opts: GypOptions = {}): Promise<GypRun> {
  const full = [nodeGypScript(), ...args];
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_loglevel: opts.verbose ? 'verbose' : 'info' };
  if (opts.nodeDir) {
    full.push(`--nodedir=${opts.nodeDir}`);
    env.npm_config_nodedir = opts.nodeDir;
  }
  if (opts.python) {
    full.push(`--python=${opts.python}`);
    env.npm_config_python = opts.python;
  }
  return runChild(process.execPath, full, cwd, env);
}

/** make in a configured build directory (what `node-gyp build` runs, without starting node-gyp). */
export function runMake(cwd: string): Promise<GypRun> {
  return runChild('make', ['-C', 'build', 'BUILDTYPE=Release', 'V=1'], cwd, { ...process.env });
}

/** A build tool's process (its own process group, stopped by killRunning), with its output. */
export function runChild(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<GypRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    running.add(child);
    const chunks: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => chunks.push(b));
    child.stderr!.on('data', (b: Buffer) => chunks.push(b));
    const done = (code: number | null, signal: NodeJS.Signals | null, extra = ''): void => {
      running.delete(child);
      resolve({ code, signal, output: Buffer.concat(chunks).toString('utf8') + extra });
    };
    child.on('error', (e) => done(null, null, `\n${e.message}`));
    child.on('close', (code, signal) => done(code, signal));
  });
}
