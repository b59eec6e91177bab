// Real tsc output (outDir, source maps) for a test's TypeScript file.
import * as path from 'node:path';
import ts from 'typescript';

/** Compiles `src` (under `root`/src) to `root`/dist as CommonJS with a source map; returns the .js path. */
export function emitWithTsc(src: string, root: string): string {
  ts.createProgram([src], {
    outDir: path.join(root, 'dist'),
    rootDir: path.join(root, 'src'),
    sourceMap: true,
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    noLib: true, // emit only: loading lib.d.ts would take seconds
    types: [],
  }).emit();
  return path.join(root, 'dist', path.basename(src).replace(/\.ts$/, '.js'));
}
