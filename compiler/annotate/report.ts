// A compiled module as annotate shows it: every source line with the C++ it
// became and what that costs, and a summary per function. Data only; the page
// is drawn by html.ts.
import * as path from 'node:path';
import { BACKENDS, type CompileResult, type Diagnostic } from '../driver';
import type { FunctionSignature } from '../../runtime/manifest';
import { attributeLines, type CppLine } from './attribute';
import { addCosts, mergeCosts, totalCost, type Costs } from './cost';
import { parallelLoops, type ParallelLoop } from './loops';
import { functionSpans } from './spans';

export interface AnnotatedLine {
  /** 1-based */
  n: number;
  text: string;
  /** The @native function whose span holds this line. */
  fn?: string;
  cpp: CppLine[];
  costs: Costs;
  score: number;
  diagnostics: Diagnostic[];
}

export interface FunctionSummary {
  name: string;
  line: number;
  /** `dot(a: Float64Array, b: Float64Array): f64` */
  signature: string;
  options: string[];
  exported: boolean;
  costs: Costs;
  score: number;
  loops: ParallelLoop[];
}

export interface AnnotateReport {
  /** The module's path relative to its project (as build prints it). */
  file: string;
  lines: AnnotatedLine[];
  functions: FunctionSummary[];
  diagnostics: Diagnostic[];
}

export function signatureOf(f: FunctionSignature): string {
  return `${f.name}(${f.params.map((p) => `${p.name}: ${p.type}`).join(', ')}): ${f.returns}`;
}

export function annotateResult(result: CompileResult, sourceText: string): AnnotateReport {
  const texts = sourceText.split(/\r?\n/);
  if (texts.length > 1 && texts[texts.length - 1] === '') texts.pop();
  const fns = result.ir.functions;
  // The first target's code: the one every machine runs.
  const artefact = result.artefacts[0];
  const byLine = artefact
    ? attributeLines(
        artefact.emitted,
        fns.map((f) => ({ name: f.name, line: f.loc.line })),
      )
    : new Map<number, CppLine[]>();
  const spans = functionSpans(result.sourceFile, sourceText, new Set(fns.map((f) => f.name)));
  const own = result.diagnostics.filter((d) => path.resolve(d.loc.file) === result.sourceFile);

  const lines: AnnotatedLine[] = texts.map((text, i) => {
    const n = i + 1;
    const cpp = byLine.get(n) ?? [];
    const costs: Costs = {};
    for (const c of cpp) if (!c.fallback) addCosts(costs, c.helpers);
    const fn = [...spans].find(([, s]) => s.first <= n && n <= s.last)?.[0];
    return { n, text, fn, cpp, costs, score: totalCost(costs), diagnostics: own.filter((d) => d.loc.line === n) };
  });

  const functions = fns.map((fn): FunctionSummary => {
    const costs: Costs = {};
    for (const l of lines) if (l.fn === fn.name) mergeCosts(costs, l.costs);
    const sig = result.functions.find((s) => s.name === fn.name);
    return {
      name: fn.name,
      line: fn.loc.line,
      signature: sig ? signatureOf(sig) : fn.name,
      options: [...fn.options].sort(),
      exported: fn.exported,
      costs,
      score: totalCost(costs),
      loops: parallelLoops(fn, BACKENDS[artefact?.target ?? 'cpu']),
    };
  });
  return { file: result.key, lines, functions, diagnostics: result.diagnostics };
}
