// State shared while lowering one function: scopes, the module's other
// functions and constants, the options, and the assumptions of local typing.
import type { Node, SourceFile } from 'ts-morph';
import { FunctionRejected, makeDiagnostic, type Diagnostic } from '../../diag/diagnostic';
import type { DiagnosticCode } from '../../diag/codes';
import type { Loc, Local } from '../nodes';
import type { IrType } from '../types';
import type { LocalLevel } from './convert';

export interface Signature {
  name: string;
  params: IrType[];
  returns: IrType;
}

export interface ModuleScope {
  sourceFile: SourceFile;
  filePath: string;
  functions: Map<string, Signature>;
  constants: Map<string, { value: number; type: IrType }>;
}

export class FnContext {
  private scopes: Map<string, Local>[] = [new Map()];
  private nextId = 0;
  /** Levels of un-annotated locals lowered by earlier passes (see LocalLevel). */
  readonly demoted: ReadonlyMap<Node, LocalLevel>;
  /** Stores this pass found below a local's level: the next pass uses these levels. */
  readonly violations = new Map<Node, LocalLevel>();
  readonly localDecl = new Map<Local, Node>();
  readonly labels: string[] = [];
  loopDepth = 0;
  switchDepth = 0;

  constructor(
    readonly module: ModuleScope,
    readonly fnName: string,
    readonly options: Set<string>,
    readonly returns: IrType,
    demoted: ReadonlyMap<Node, LocalLevel>,
  ) {
    this.demoted = demoted;
  }

  loc(node: Node): Loc {
    const { line, column } = this.module.sourceFile.getLineAndColumnAtPos(node.getStart());
    return { line, col: column };
  }

  /** Abandons this function with a diagnostic; other functions still compile. */
  fail(node: Node, code: DiagnosticCode, args: string[] = []): never {
    throw new FunctionRejected(this.diagnostic(node, code, args));
  }

  diagnostic(node: Node, code: DiagnosticCode, args: string[] = []): Diagnostic {
    const loc = this.loc(node);
    const text = node.getText();
    const firstLine = text.split('\n')[0] ?? '';
    return makeDiagnostic(
      code,
      { file: this.module.filePath, line: loc.line, col: loc.col, length: firstLine.length },
      this.module.sourceFile.getFullText(),
      args,
    );
  }

  declare(name: string, type: IrType, isParam: boolean, decl?: Node, intValued?: boolean): Local {
    const local: Local = { id: this.nextId++, name, type, isParam, intValued };
    this.scopes[this.scopes.length - 1]!.set(name, local);
    if (decl) this.localDecl.set(local, decl);
    return local;
  }

  /** A compiler-made local (never visible to user code). */
  declareSynthetic(name: string, type: IrType): Local {
    return { id: this.nextId++, name, type, isParam: false, synthetic: true };
  }

  lookup(name: string): Local | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const found = this.scopes[i]!.get(name);
      if (found) return found;
    }
    return undefined;
  }

  inScope<T>(fn: () => T): T {
    this.scopes.push(new Map());
    try {
      return fn();
    } finally {
      this.scopes.pop();
    }
  }

  get boundsChecked(): boolean {
    return !this.options.has('noboundscheck');
  }
}
