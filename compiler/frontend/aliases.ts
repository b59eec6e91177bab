// What a type name written in a file resolves to. TypeScript's checker erases
// the number aliases to `number`, so compiled code reads them from the source;
// a name counts only where it resolves to the 'tsnative' export, never to a
// type of the user's own (`type f64 = string` must not compile as a double).
// Read from the file's declarations, not with a type checker: this runs for
// every annotation, and `check` works on parsed files alone.
import { ts } from 'ts-morph';

const PACKAGE = 'tsnative';

interface FileBindings {
  /** Local name → the name 'tsnative' exports (`import type { f64 as real }`: real → f64). */
  imported: Map<string, string>;
  /** Namespace imports of 'tsnative' (`import type * as t from 'tsnative'`). */
  namespaces: Set<string>;
  /** Every other name the module binds as a type: imports from elsewhere, its own types. */
  own: Set<string>;
}

// Keyed by the parsed file: an edited file is parsed anew and read again.
const cache = new WeakMap<ts.SourceFile, FileBindings>();

function fileBindings(sf: ts.SourceFile): FileBindings {
  let b = cache.get(sf);
  if (!b) {
    b = { imported: new Map(), namespaces: new Set(), own: new Set() };
    for (const stmt of sf.statements) {
      if (ts.isImportDeclaration(stmt)) readImport(stmt, b);
      const name = declaredTypeName(stmt);
      if (name !== undefined) b.own.add(name);
    }
    cache.set(sf, b);
  }
  return b;
}

function readImport(decl: ts.ImportDeclaration, b: FileBindings): void {
  const clause = decl.importClause;
  if (!clause) return;
  const fromPackage = ts.isStringLiteral(decl.moduleSpecifier) && decl.moduleSpecifier.text === PACKAGE;
  // tsnative has no default export: a default import is always the user's own name.
  if (clause.name) b.own.add(clause.name.text);
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (ts.isNamespaceImport(bindings)) {
    (fromPackage ? b.namespaces : b.own).add(bindings.name.text);
    return;
  }
  for (const el of bindings.elements) {
    if (fromPackage) b.imported.set(el.name.text, (el.propertyName ?? el.name).text);
    else b.own.add(el.name.text);
  }
}

/** The type name a declaration statement binds in its scope, if any. */
function declaredTypeName(stmt: ts.Statement): string | undefined {
  if (ts.isTypeAliasDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isEnumDeclaration(stmt)) return stmt.name.text;
  if (ts.isClassDeclaration(stmt)) return stmt.name?.text;
  if (ts.isImportEqualsDeclaration(stmt)) return stmt.name.text;
  if (ts.isModuleDeclaration(stmt) && ts.isIdentifier(stmt.name)) return stmt.name.text;
  return undefined;
}

/** A type of that name declared between `node` and the module: a type parameter, or a type local to a block. */
function declaredInside(node: ts.Node, name: string): boolean {
  for (let n = node.parent; n !== undefined && !ts.isSourceFile(n); n = n.parent) {
    if (ts.isFunctionLike(n) || ts.isClassLike(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) {
      if (n.typeParameters?.some((p) => p.name.text === name)) return true;
    }
    if (ts.isBlock(n) || ts.isModuleBlock(n) || ts.isCaseClause(n) || ts.isDefaultClause(n)) {
      if (n.statements.some((s) => declaredTypeName(s) === name)) return true;
    }
  }
  return false;
}

/** No declaration of the module or of an enclosing scope takes `name` at `node`. */
function unshadowed(node: ts.Node, name: string, b: FileBindings): boolean {
  return !b.own.has(name) && !declaredInside(node, name);
}

/**
 * The name 'tsnative' exports that a type node refers to: `f64` (or a renamed
 * import of it), `t.f64` through a namespace import, `import('tsnative').f64`.
 * Undefined for anything else, including a tsnative name shadowed by the user's own.
 */
export function packageExport(node: ts.TypeNode): string | undefined {
  if (ts.isImportTypeNode(node)) {
    const arg = node.argument;
    const fromPackage = ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal) && arg.literal.text === PACKAGE;
    return fromPackage && !node.isTypeOf && node.qualifier && ts.isIdentifier(node.qualifier) ? node.qualifier.text : undefined;
  }
  if (!ts.isTypeReferenceNode(node)) return undefined;
  const b = fileBindings(node.getSourceFile());
  const name = node.typeName;
  if (ts.isIdentifier(name)) {
    const exported = b.imported.get(name.text);
    return exported !== undefined && unshadowed(node, name.text, b) ? exported : undefined;
  }
  const ns = name.left;
  return ts.isIdentifier(ns) && b.namespaces.has(ns.text) && unshadowed(node, ns.text, b) ? name.right.text : undefined;
}

/** `name` at `node` is the global of that name: nothing in the module or an enclosing scope declares or imports it. */
export function isGlobalType(node: ts.Node, name: string): boolean {
  const b = fileBindings(node.getSourceFile());
  return unshadowed(node, name, b) && !b.imported.has(name) && !b.namespaces.has(name);
}

/**
 * The name 'tsnative' exports that a callee refers to: `prange` (or a renamed
 * import of it), `t.prange` through a namespace import. Undefined for anything
 * else: a function of the user's own named `prange` is not tsnative's.
 */
export function packageValue(node: ts.Expression): string | undefined {
  const b = fileBindings(node.getSourceFile());
  if (ts.isIdentifier(node)) return b.own.has(node.text) ? undefined : b.imported.get(node.text);
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && b.namespaces.has(node.expression.text))
    return node.name.text;
  return undefined;
}
