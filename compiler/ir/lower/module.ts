// Lowers the marked functions of one source file into an IR module. Each
// function succeeds or fails on its own: a diagnostic in one never stops the rest.
import { Node, SyntaxKind, VariableDeclarationKind, type FunctionDeclaration, type SourceFile } from 'ts-morph';
import { FunctionRejected, makeDiagnostic, type Diagnostic } from '../../diag/diagnostic';
import { KNOWN_OPTIONS, discover, type MarkedFunction } from '../../frontend/discover';
import type { IrFunction, IrModule, Stmt } from '../nodes';
import { BOOL, F64, VOID, type IrType } from '../types';
import { FnContext, type ModuleScope, type Signature } from './context';
import type { LocalLevel } from './convert';
import { Program } from './program';
import { deviceProblem } from './kernel-check';
import { lowerBlock } from './statements';
import { readType, rejectType } from './typenodes';

export interface LoweredModule {
  ir: IrModule;
  diagnostics: Diagnostic[];
}

/** A module after its first phase: every marked function's signature is known. */
export interface DeclaredModule {
  scope: ModuleScope;
  ready: { fn: MarkedFunction; sig: Signature; options: Set<string> }[];
  /** Names of the marked functions the module exports (callable from other modules). */
  exported: Set<string>;
  diagnostics: Diagnostic[];
}

export function declareModule(sf: SourceFile, key: string, defaultOptions: string[] = []): DeclaredModule {
  const diagnostics: Diagnostic[] = [];
  const filePath = sf.getFilePath();
  const text = sf.getFullText();
  const diagAt = (pos: number, length: number, code: Parameters<typeof makeDiagnostic>[0], args: string[] = []) => {
    const { line, column } = sf.getLineAndColumnAtPos(pos);
    diagnostics.push(makeDiagnostic(code, { file: filePath, line, col: column, length }, text, args));
  };
  const { marked, misplaced } = discover(sf);
  for (const m of misplaced) {
    diagAt(m.node.getStart(), m.node.getText().split('\n')[0]!.length, 'TSN1002');
  }
  const scope: ModuleScope = { sourceFile: sf, filePath, key, functions: new Map(), constants: moduleConstants(sf) };
  const ready: DeclaredModule['ready'] = [];
  const exported = new Set<string>();
  for (const fn of marked) {
    try {
      const options = readOptions(fn, defaultOptions, diagAt);
      const sig = readSignature(fn.node, scope, fn.kernel);
      scope.functions.set(fn.name, sig);
      if (options) ready.push({ fn, sig, options });
      if (options && fn.node.isExported()) exported.add(fn.name);
    } catch (e) {
      diagnostics.push(e instanceof FunctionRejected ? e.diagnostic : internalError(scope, fn, e));
    }
  }
  return { scope, ready, exported, diagnostics };
}

/** Phase two: every body that lowers cleanly becomes IR; the rest become diagnostics. */
export function lowerBodies(d: DeclaredModule): { functions: IrFunction[]; diagnostics: Diagnostic[] } {
  const diagnostics = [...d.diagnostics];
  const functions: IrFunction[] = [];
  for (const { fn, sig, options } of d.ready) {
    const result = lowerFunction(d.scope, fn, sig, options);
    if ('diagnostic' in result) diagnostics.push(result.diagnostic);
    else functions.push(result);
  }
  diagnostics.sort((a, b) => a.loc.line - b.loc.line || a.loc.col - b.loc.col);
  return { functions, diagnostics };
}

/** Lowers one module of `program` (with the functions it imports from others). */
export function lowerInProgram(program: Program, file: string): LoweredModule {
  const lowered = program.lower(file);
  const { declared } = lowered;
  const key = declared.scope.key;
  const diagnostics = [...lowered.diagnostics];
  const functions = withoutBadKernels(lowered.functions, program.externals(key, lowered.functions), declared.scope, diagnostics);
  const externals = program.externals(key, functions);
  const texts: Record<string, string> = { [key]: declared.scope.sourceFile.getFullText() };
  for (const e of externals) texts[e.fn.module] = program.sourceFile(e.file).getFullText();
  return { ir: { source: key, functions, externals: externals.map((e) => e.fn), texts }, diagnostics };
}

/** Kernels whose code (or a function they call) a GPU thread cannot run are left out, each with a diagnostic at its name. */
function withoutBadKernels(
  functions: IrFunction[],
  externals: { fn: IrFunction }[],
  scope: ModuleScope,
  diagnostics: Diagnostic[],
): IrFunction[] {
  const all = [...functions, ...externals.map((e) => e.fn)];
  return functions.filter((fn) => {
    if (!fn.kernel) return true;
    const problem = deviceProblem(fn, all);
    if (!problem) return true;
    const { line, col } = fn.loc;
    const node = scope.sourceFile.getFunction(fn.name)?.getNameNode();
    const at = node ? scope.sourceFile.getLineAndColumnAtPos(node.getStart()) : { line, column: col };
    const where = { file: scope.filePath, line: at.line, col: at.column, length: fn.name.length };
    diagnostics.push(makeDiagnostic('TSN1503', where, scope.sourceFile.getFullText(), problem));
    return false;
  });
}

/** One module on its own (in-memory sources, tests): imports resolve against the disk. */
export function lowerModule(sf: SourceFile, key: string, defaultOptions: string[] = []): LoweredModule {
  const own = sf.getFilePath();
  const program = new Program(
    sf.getProject(),
    (file) => (file === own ? key : file),
    () => defaultOptions,
  );
  return lowerInProgram(program, own);
}

function readOptions(
  fn: MarkedFunction,
  defaults: string[],
  diagAt: (pos: number, len: number, code: 'TSN1001', args: string[]) => void,
): Set<string> | undefined {
  let ok = true;
  for (const o of fn.options) {
    if (!KNOWN_OPTIONS.has(o)) {
      diagAt(fn.tagPos, fn.kernel ? '@kernel'.length : '@native'.length, 'TSN1001', [o, fn.kernel ? 'kernel' : 'native']);
      ok = false;
    }
  }
  return ok ? new Set([...defaults, ...fn.options]) : undefined;
}

/** A bug of the compiler (any throw but FunctionRejected) costs only the function it happened in. */
function internalError(scope: ModuleScope, fn: MarkedFunction, e: unknown): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  return rejecter(scope, fn.name).diagnostic(fn.node.getNameNode() ?? fn.node, 'TSN9001', [message]);
}

function rejecter(scope: ModuleScope, name: string) {
  return new FnContext(scope, name, new Set(), VOID, new Map());
}

function readSignature(node: FunctionDeclaration, scope: ModuleScope, kernel: boolean): Signature {
  const name = node.getNameOrThrow();
  const ctx = rejecter(scope, name);
  if (node.isAsync() || node.isGenerator()) ctx.fail(node, 'TSN1003');
  const params = node.getParameters().map((p) => {
    if (p.isOptional() || p.isRestParameter() || p.hasInitializer()) ctx.fail(p, 'TSN1104');
    if (!Node.isIdentifier(p.getNameNode())) ctx.fail(p, 'TSN1105');
    const typeNode = p.getTypeNode();
    if (!typeNode) return ctx.fail(p, 'TSN1101', [p.getName()]);
    const type = readType(typeNode);
    if (!type || type.tag === 'void') return rejectType(ctx, typeNode, 'TSN1102');
    return type;
  });
  const retNode = node.getReturnTypeNode();
  let returns: IrType;
  if (retNode) {
    const t = readType(retNode);
    if (!t) return rejectType(ctx, retNode, 'TSN1103');
    returns = t;
  } else returns = inferReturn(node);
  if (kernel && returns.tag !== 'void') ctx.fail(retNode ?? node.getNameNode() ?? node, 'TSN1502');
  return { name, module: scope.key, params, returns, kernel };
}

/** TypeScript's inference for an un-annotated return, as far as compiled code can return: void, boolean or number. */
function inferReturn(node: FunctionDeclaration): IrType {
  const values = node
    .getDescendantsOfKind(SyntaxKind.ReturnStatement)
    .filter((r) => r.getFirstAncestorByKind(SyntaxKind.FunctionDeclaration) === node)
    .map((r) => r.getExpression())
    .filter((e) => e !== undefined);
  if (values.length === 0) return VOID;
  const booleanish = (e: Node): boolean => {
    if (Node.isParenthesizedExpression(e)) return booleanish(e.getExpression());
    if (e.getKind() === SyntaxKind.TrueKeyword || e.getKind() === SyntaxKind.FalseKeyword) return true;
    if (Node.isPrefixUnaryExpression(e)) return e.getOperatorToken() === SyntaxKind.ExclamationToken;
    if (Node.isBinaryExpression(e)) {
      const op = e.getOperatorToken().getKind();
      return (
        [
          SyntaxKind.LessThanToken,
          SyntaxKind.LessThanEqualsToken,
          SyntaxKind.GreaterThanToken,
          SyntaxKind.GreaterThanEqualsToken,
          SyntaxKind.EqualsEqualsEqualsToken,
          SyntaxKind.ExclamationEqualsEqualsToken,
          SyntaxKind.EqualsEqualsToken,
          SyntaxKind.ExclamationEqualsToken,
        ].includes(op) ||
        ((op === SyntaxKind.AmpersandAmpersandToken || op === SyntaxKind.BarBarToken) && booleanish(e.getLeft()))
      );
    }
    return false;
  };
  return values.every(booleanish) ? BOOL : F64;
}

/** Module-level `const NAME = <number literal>` (optionally negated or annotated). */
function moduleConstants(sf: SourceFile): ModuleScope['constants'] {
  const out: ModuleScope['constants'] = new Map();
  for (const stmt of sf.getVariableStatements()) {
    if (stmt.getDeclarationKind() !== VariableDeclarationKind.Const) continue;
    for (const d of stmt.getDeclarations()) {
      let init = d.getInitializer();
      let sign = 1;
      if (init && Node.isPrefixUnaryExpression(init) && init.getOperatorToken() === SyntaxKind.MinusToken) {
        sign = -1;
        init = init.getOperand();
      }
      if (!init || !Node.isNumericLiteral(init) || !Node.isIdentifier(d.getNameNode())) continue;
      const value = sign * Number(init.compilerNode.text);
      const declared = readType(d.getTypeNode());
      const type = declared ?? (Number.isInteger(value) && !Object.is(value, -0) ? ({ tag: 'scalar', kind: 'i53' } as IrType) : F64);
      out.set(d.getName(), { value, type });
    }
  }
  return out;
}

/** Lowers one function; retried with demoted locals until the local typing is stable. */
function lowerFunction(
  scope: ModuleScope,
  fn: MarkedFunction,
  sig: Signature,
  options: Set<string>,
): IrFunction | { diagnostic: Diagnostic } {
  const demoted = new Map<Node, LocalLevel>();
  for (;;) {
    const ctx = new FnContext(scope, fn.name, options, sig.returns, new Map(demoted), fn.kernel);
    try {
      const params = fn.node.getParameters().map((p, i) => ctx.declare(p.getName(), sig.params[i]!, true));
      const body: Stmt[] = lowerBlock(ctx, fn.node.getBodyOrThrow().asKindOrThrow(SyntaxKind.Block).getStatements());
      if (ctx.violations.size > 0) {
        for (const [decl, level] of ctx.violations) demoted.set(decl, level);
        continue;
      }
      const { line, column } = scope.sourceFile.getLineAndColumnAtPos(fn.node.getStart());
      return {
        name: fn.name,
        module: scope.key,
        params,
        returns: sig.returns,
        body,
        options,
        exported: fn.node.isExported(),
        kernel: fn.kernel || undefined,
        loc: { line, col: column },
      };
    } catch (e) {
      if (!(e instanceof FunctionRejected)) return { diagnostic: internalError(scope, fn, e) };
      if (ctx.violations.size > 0) {
        for (const [decl, level] of ctx.violations) demoted.set(decl, level);
        continue;
      }
      return { diagnostic: e.diagnostic };
    }
  }
}
