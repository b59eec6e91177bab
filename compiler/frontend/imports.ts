// Names a module imports from other TypeScript files of the program (relative
// specifiers only: `./math`, `./math.js`, `../lib/math.ts`, `./dir` → index.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from 'ts-morph';

export interface ImportedName {
  /** The name the importing module uses. */
  local: string;
  /** The name the other module exports. */
  exported: string;
  /** Absolute path of the other module's source. */
  file: string;
}

const EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx'];

export function resolveSource(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const stripped = base.replace(/\.(c|m)?js$/, '');
  const candidates = [base, ...EXTENSIONS.map((e) => stripped + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  return candidates.find((c) => EXTENSIONS.some((e) => c.endsWith(e)) && fs.existsSync(c) && fs.statSync(c).isFile());
}

export function importedNames(sf: SourceFile): ImportedName[] {
  const out: ImportedName[] = [];
  for (const decl of sf.getImportDeclarations()) {
    if (decl.isTypeOnly()) continue;
    const file = resolveSource(sf.getFilePath(), decl.getModuleSpecifierValue());
    if (!file) continue;
    for (const named of decl.getNamedImports()) {
      if (named.isTypeOnly()) continue;
      out.push({ local: named.getAliasNode()?.getText() ?? named.getName(), exported: named.getName(), file });
    }
  }
  return out;
}
