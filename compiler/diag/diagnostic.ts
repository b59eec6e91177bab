// Diagnostics are data, collected per function; a user's mistake never throws.
import { DIAGNOSTICS, type DiagnosticCode } from './codes';

export interface SourceLocation {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  col: number;
  /** Length of the marked range on that line (for the code frame). */
  length: number;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  loc: SourceLocation;
  /** The full source text of the file, for the code frame. */
  sourceText: string;
}

function fill(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '');
}

export function makeDiagnostic(code: DiagnosticCode, loc: SourceLocation, sourceText: string, args: readonly string[] = []): Diagnostic {
  const info = DIAGNOSTICS[code];
  return { code, severity: 'error', message: fill(info.message, args), hint: fill(info.hint, args), loc, sourceText };
}

/** Thrown inside a function's lowering to abandon that function only; caught per function. */
export class FunctionRejected extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}
