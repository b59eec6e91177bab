// What `tsnative build` prints: a line per module as it finishes, the
// compiler's own words when generated C++ fails, and a summary.
import * as path from 'node:path';
import pc from 'picocolors';
import type { BuildSummary } from './build';
import type { ModuleOutcome } from './module-build';
import { toolchainMessage, type ToolchainProblem } from './toolchain';

type Colors = ReturnType<typeof pc.createColors>;

export function seconds(s: number): string {
  return `${s.toFixed(1)}s`;
}

/** The module, and its target when it has several (then each target gets a line). */
function what(o: ModuleOutcome): string {
  return o.plan.moduleTargets.length > 1 ? `${o.plan.input.key} [${o.plan.target}]` : o.plan.input.key;
}

export function moduleLine(o: ModuleOutcome, c: Colors): string {
  const fns = o.plan.input.functions.map((f) => f.name).join(', ');
  const word = o.status === 'built' ? c.green('built') : o.status === 'cached' ? c.dim('cached') : c.red('failed');
  const time = o.status === 'cached' ? '' : `  ${seconds(o.seconds)}`;
  return `${word} ${what(o)}  (${fns})${time}`;
}

function relative(file: string, cwd: string): string {
  return path.relative(cwd, file) || file;
}

/** The explanation under a `failed` line; empty for toolchain failures (reported once, see toolchainLine). */
export function failureDetails(o: ModuleOutcome, c: Colors, cwd = process.cwd()): string[] {
  if (o.status !== 'failed' || o.reason === 'toolchain') return [];
  const generated = relative(path.join(o.plan.outDir, o.plan.source), cwd);
  if (o.reason === 'publish') {
    return [`${c.red('error')}: ${what(o)} compiled, but its addon could not be published: ${o.errorLines.join(' ')}`];
  }
  const cflags = o.plan.input.project.cflags;
  const language = o.plan.target === 'cpu' ? 'C++' : `${o.plan.target} code`;
  return [
    `${c.red('internal compiler error')}: the ${language} generated for ${what(o)} did not compile.`,
    `  generated file: ${generated}`,
    '  the compiler said:',
    ...o.errorLines.map((l) => `    ${l}`),
    cflags.length > 0
      ? `  Check the project's cflags (${cflags.join(' ')}) first; otherwise this is a tsnative bug: please report it with the generated file.`
      : '  This is a tsnative bug: please report it with the generated file (run with --verbose for the full output).',
  ];
}

export function toolchainLine(problems: readonly ToolchainProblem[], c: Colors): string {
  // nvcc's problems stop only the cuda target: the other targets built.
  const what = problems.every((p) => p.tool === 'nvcc') ? 'tsnative: cannot build for cuda' : 'tsnative: cannot build';
  return `${c.red(what)}: ${toolchainMessage(problems)}`;
}

export function summaryLine(s: BuildSummary, c: Colors, diagnostics = 0): string {
  const parts = [`${s.built} built`, `${s.cached} cached`, s.failed > 0 ? c.red(`${s.failed} failed`) : `${s.failed} failed`];
  if (diagnostics > 0) parts.push(c.red(`${diagnostics} ${diagnostics === 1 ? 'diagnostic' : 'diagnostics'}`));
  return `${parts.join(', ')} in ${seconds(s.seconds)}`;
}
