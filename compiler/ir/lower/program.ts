// The modules of one compile, each parsed and lowered once. A module may call
// the @native functions it imports from other files: those are lowered in
// their own module (its constants, its own imports) and compiled into every
// addon that calls them, so the caller's addon depends on their sources.
import type { Project, SourceFile } from 'ts-morph';
import type { Diagnostic } from '../../diag/diagnostic';
import { importedNames } from '../../frontend/imports';
import type { IrFunction } from '../nodes';
import { calledFunctions } from '../walk';
import type { Signature } from './context';
import { declareModule, lowerBodies, type DeclaredModule } from './module';

export interface ProgramModule {
  declared: DeclaredModule;
  functions: IrFunction[];
  diagnostics: Diagnostic[];
}

export class Program {
  private readonly declared = new Map<string, DeclaredModule>();
  private readonly lowered = new Map<string, ProgramModule>();

  constructor(
    private readonly project: Project,
    /** Manifest key of a source file. */
    private readonly keyOf: (file: string) => string,
    /** Options every function of a file gets (its project's, and the command's). */
    private readonly optionsOf: (file: string) => string[] = () => [],
  ) {}

  sourceFile(file: string): SourceFile {
    return this.project.getSourceFile(file) ?? this.project.addSourceFileAtPath(file);
  }

  /** The source file of a module declared in this program. */
  fileOf(key: string): string | undefined {
    for (const d of this.declared.values()) if (d.scope.key === key) return d.scope.filePath;
    return undefined;
  }

  /** Phase one: the module's marked functions, their signatures and options. */
  declare(file: string): DeclaredModule {
    let d = this.declared.get(file);
    if (!d) {
      d = declareModule(this.sourceFile(file), this.keyOf(file), this.optionsOf(file));
      this.declared.set(file, d);
      // Imported @native functions are callable like the module's own.
      for (const imp of importedNames(d.scope.sourceFile)) {
        if (imp.file === file) continue;
        const sig: Signature | undefined = this.declare(imp.file).scope.functions.get(imp.exported);
        if (sig && this.declare(imp.file).exported.has(imp.exported) && !d.scope.functions.has(imp.local))
          d.scope.functions.set(imp.local, sig);
      }
    }
    return d;
  }

  /** Phase two: the bodies, as IR. */
  lower(file: string): ProgramModule {
    let m = this.lowered.get(file);
    if (!m) {
      const declared = this.declare(file);
      const { functions, diagnostics } = lowerBodies(declared);
      m = { declared, functions, diagnostics };
      this.lowered.set(file, m);
    }
    return m;
  }

  /**
   * Functions of other modules that `functions` call, directly or through each
   * other, with the files they come from.
   */
  externals(key: string, functions: IrFunction[]): { fn: IrFunction; file: string }[] {
    const out = new Map<string, { fn: IrFunction; file: string }>();
    const visit = (fns: IrFunction[]) => {
      for (const id of calledFunctions(fns)) {
        const [module, callee] = splitId(id);
        if (module === key || out.has(id)) continue;
        const file = this.fileOf(module);
        const fn = file ? this.lower(file).functions.find((f) => f.name === callee) : undefined;
        if (!file || !fn) continue;
        out.set(id, { fn, file });
        visit([fn]);
      }
    };
    visit(functions);
    return [...out.values()];
  }
}

/** `module#name` → [module, name] (a module key may itself hold '#'; a function name cannot). */
function splitId(id: string): [string, string] {
  const at = id.lastIndexOf('#');
  return [id.slice(0, at), id.slice(at + 1)];
}
