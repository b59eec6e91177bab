// The C++ the compiler emits for a snippet, after the optimisation passes,
// without building it: for tests of what the back end makes of the IR.
import { parseSource } from '../../compiler/frontend/project';
import { lowerModule } from '../../compiler/ir/lower/module';
import { optimiseModule } from '../../compiler/driver';
import { cpuBackend } from '../../compiler/backend/cpp';

export const PRELUDE = "import type { f64, f32, i32, u32, i16, u16, i8, u8 } from 'tsnative';\nimport { prange } from 'tsnative';\n";

/** `body` follows imports of every alias and prange from 'tsnative'. */
export function optimisedCpp(body: string): string {
  const { ir, diagnostics } = lowerModule(parseSource('/virtual/m.ts', PRELUDE + body), 'm.ts');
  expect(diagnostics).toEqual([]);
  return cpuBackend.emit(optimiseModule(ir, cpuBackend, diagnostics)).files[0]!.text;
}
