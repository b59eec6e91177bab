// The C++ the compiler emits for a snippet, after the optimisation passes,
// without building it: for tests of what the passes do to the code.
import { parseSource } from '../../compiler/frontend/project';
import { lowerModule } from '../../compiler/ir/lower/module';
import { optimiseBody } from '../../compiler/ir/opt';
import { emitModule } from '../../compiler/backend/cpp/module';

/** `body` follows imports of every alias and prange from 'tsnative'. */
export function optimisedCpp(body: string): string {
  const text = `import type { f64, f32, i32, u32, i16, u16, i8, u8 } from 'tsnative';\nimport { prange } from 'tsnative';\n${body}`;
  const { ir, diagnostics } = lowerModule(parseSource('/virtual/m.ts', text), 'm.ts');
  expect(diagnostics).toEqual([]);
  const optimised = { ...ir, functions: ir.functions.map((f) => ({ ...f, body: optimiseBody(f.body) })) };
  return emitModule(optimised).code;
}
