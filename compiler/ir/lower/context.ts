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
  /** The module (manifest key) that defines the function. */
  module: string;
  params: IrType[];
  returns: IrType;
  /** A `@kernel`: launched, never called. */
  kernel?: boolean;
}

export interface ModuleScope {
  sourceFile: SourceFile;
  filePath: string;
  /** Manifest key of this module. */
  key: string;
  functions: Map<string, Signature>;
  constants: Map<string, { value: number; type: IrType }>;
}

export interface JumpTarget {
  kind: 'loop' | 'switch' | 'prange';
  label?: string;
}

export interface PrangeScope {
  /** Scope depth of the loop body: locals declared shallower are shared. */
  depth: number;
  reductions: Map<Local, import('../nodes').ReductionOp>;
  /** Outer locals read in the body (first read), to refuse reading a reduction's partial. */
  reads: Map<Local, Node>;
}

export class FnContext {
  private scopes: Map<string, Local>[] = [new Map()];
  private nextId = 0;
  /** Levels of un-annotated locals lowered by earlier passes (see LocalLevel). */
  readonly demoted: ReadonlyMap<Node, LocalLevel>;
  /** Stores this pass found below a local's level: the next pass uses these levels. */
  readonly violations = new Map<Node, LocalLevel>();
  readonly localDecl = new Map<Local, Node>();
  /** Enclosing loops and switches, innermost last: where break/continue go. */
  readonly targets: JumpTarget[] = [];
  /** Enclosing prange loops, innermost last. */
  readonly pranges: PrangeScope[] = [];
  /** While lowering a reduction's own update, reads of its variable are counted here, not as reads. */
  reductionRead?: { local: Local; count: number };
  private readonly depthOf = new Map<Local, number>();
  private barrierSites = 0;
  private sharedSlots = 0;

  constructor(
    readonly module: ModuleScope,
    readonly fnName: string,
    readonly options: Set<string>,
    readonly returns: IrType,
    demoted: ReadonlyMap<Node, LocalLevel>,
    /** Lowering a `@kernel`: the `cuda` namespace is available. */
    readonly kernel = false,
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
    this.depthOf.set(local, this.scopes.length);
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

  get scopeDepth(): number {
    return this.scopes.length;
  }

  /** Declared outside the prange loop `p` (so shared by its iterations). */
  isOuter(local: Local, p: PrangeScope): boolean {
    return (this.depthOf.get(local) ?? 0) < p.depth;
  }

  /** Runs `fn` with a loop or switch as the innermost jump target. */
  within<T>(target: JumpTarget, fn: () => T): T {
    this.targets.push(target);
    try {
      return fn();
    } finally {
      this.targets.pop();
    }
  }

  inScope<T>(fn: () => T): T {
    this.scopes.push(new Map());
    try {
      return fn();
    } finally {
      this.scopes.pop();
    }
  }

  /** Numbers the kernel's barriers in source order. */
  nextBarrierSite(): number {
    return this.barrierSites++;
  }

  /** Numbers the kernel's shared arrays in source order: a block's k-th shared array. */
  nextSharedSlot(): number {
    return this.sharedSlots++;
  }

  get boundsChecked(): boolean {
    return !this.options.has('noboundscheck');
  }
}
