// file:line:col, the message, a code frame with a caret under the range, and the hint.
import * as path from 'node:path';
import pc from 'picocolors';
import type { Diagnostic } from './diagnostic';

export interface FormatOptions {
  color?: boolean;
  /** Paths are shown relative to this directory. */
  cwd?: string;
}

export function formatDiagnostic(d: Diagnostic, opts: FormatOptions = {}): string {
  const c = pc.createColors(opts.color ?? false);
  const file = path.relative(opts.cwd ?? process.cwd(), d.loc.file) || d.loc.file;
  const head = `${c.bold(`${file}:${d.loc.line}:${d.loc.col}`)} - ${c.red('error')} ${c.gray(d.code)}: ${d.message}`;
  return [head, '', ...codeFrame(d, c), '', `  ${c.cyan('hint')}: ${d.hint}`, ''].join('\n');
}

function codeFrame(d: Diagnostic, c: ReturnType<typeof pc.createColors>): string[] {
  const lines = d.sourceText.split(/\r?\n/);
  const first = Math.max(1, d.loc.line - 1);
  const last = Math.min(lines.length, d.loc.line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === d.loc.line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === d.loc.line) {
      const lineText = lines[n - 1] ?? '';
      const len = Math.max(1, Math.min(d.loc.length, lineText.length - (d.loc.col - 1)));
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(d.loc.col - 1)}${c.red('^'.repeat(len))}`);
    }
  }
  return out;
}
