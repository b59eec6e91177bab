// Reads the variables a function closes over, through node:inspector: the
// same-thread Session answers each call synchronously, and a function's
// [[Scopes]] lists its closure, module and block scopes with their current
// values. The barrier rewrite needs them because its generator is compiled
// anew by `new Function`, outside the kernel's module, so every free name
// of the kernel (imports such as `tsnative_1` or `cuda`, helpers, constants)
// must be passed in. Globals are left to the generator's own realm, which is
// the kernel's.
import { connect, inspectorConnected, post } from './inspector-session';

interface RemoteObject {
  type: string;
  value?: unknown;
  unserializableValue?: string;
  objectId?: string;
  description?: string;
}

interface PropertyDescriptor {
  name: string;
  value?: RemoteObject;
}

interface Properties {
  result: PropertyDescriptor[];
  internalProperties?: PropertyDescriptor[];
}

export interface FunctionLocation {
  scriptId: string;
  /** 0-based, in the script the function was compiled from. */
  lineNumber: number;
  columnNumber: number;
}

export interface CapturedScope {
  names: string[];
  values: unknown[];
  location?: FunctionLocation;
}

const GROUP = 'tsnative-cuda-scope';
const PROBE = Symbol.for('tsnative.cuda.scopeProbe');
// Names that cannot be parameters of a strict function.
const UNUSABLE = new Set([
  'arguments',
  'eval',
  'yield',
  'let',
  'static',
  'implements',
  'interface',
  'package',
  'private',
  'protected',
  'public',
]);

// The inspector's id of the execution context (realm) this module runs in,
// once found, kept on that realm's own global: a test runner makes a realm
// per test file and tears the old ones down, and evaluating in a torn-down
// context crashed V8 (v8::Context::Enter) when a module-level cache outlived it.
const CONTEXT_ID = Symbol.for('tsnative.cuda.inspectorContextId');
const realm = globalThis as unknown as Record<symbol, number | undefined>;

function contexts(): number[] {
  const s = connect();
  const ids: number[] = [];
  const onCreated = (m: { params: { context: { id: number } } }): void => {
    ids.push(m.params.context.id);
  };
  s.on('Runtime.executionContextCreated', onCreated);
  try {
    // Enabling reports every existing context; disabling at once keeps console calls from being copied to this session.
    post('Runtime.enable');
    post('Runtime.disable');
  } finally {
    s.off('Runtime.executionContextCreated', onCreated);
  }
  // Newest first (ids grow as contexts are made): a test runner's sandbox is made after the main context.
  return ids.sort((a, b) => b - a);
}

/** `id` undefined: the default context (the main realm of an ordinary program). */
function probeIn(id: number | undefined): string | undefined {
  try {
    const r = post<{ result: RemoteObject }>('Runtime.evaluate', {
      expression: 'globalThis[Symbol.for("tsnative.cuda.scopeProbe")]',
      ...(id === undefined ? {} : { contextId: id }),
      objectGroup: GROUP,
      silent: true,
    });
    return r.result.type === 'object' ? r.result.objectId : undefined;
  } catch {
    return undefined;
  }
}

/** The inspector's handle on the probe parked on this realm's global: found by asking each context for it. */
function remoteProbe(): string {
  // An ordinary program's kernels live in the main realm: no other context is touched.
  const known = realm[CONTEXT_ID];
  const first = probeIn(known);
  if (first) return first;
  // Otherwise this realm is the newest context (a test runner's sandbox, made
  // after the main one). Older contexts are never evaluated in: a test runner
  // tears its old sandboxes down, and evaluating in one crashed V8.
  const newest = contexts()[0];
  const id = newest === undefined ? undefined : probeIn(newest);
  if (id) {
    Object.defineProperty(globalThis, CONTEXT_ID, { value: newest, enumerable: false, configurable: true, writable: true });
    return id;
  }
  throw new Error('node:inspector cannot find the realm this program runs in');
}

function internal(props: Properties, name: string): RemoteObject | undefined {
  return props.internalProperties?.find((p) => p.name === name)?.value;
}

function callArgument(v: RemoteObject | undefined): object {
  if (v === undefined || v.type === 'undefined') return {};
  if (v.objectId !== undefined) return { objectId: v.objectId };
  if (v.unserializableValue !== undefined) return { unserializableValue: v.unserializableValue };
  return { value: v.value };
}

/**
 * The current values of the variables named in `wanted` that `fn` closes
 * over (innermost scope first, as JS resolves them), and where `fn` starts in
 * its script. Global and script-level names are left out: code compiled in
 * the same realm sees those itself.
 */
export function captureScope(fn: Function, wanted: ReadonlySet<string>): CapturedScope {
  // The probe is the one object both this realm and the inspector can reach: the function goes out through it, the values come back.
  const probe: { fn: Function; values?: unknown[] } = { fn };
  const g = globalThis as unknown as Record<symbol, unknown>;
  g[PROBE] = probe;
  try {
    const probeId = remoteProbe();
    const handle = post<{ result: RemoteObject }>('Runtime.callFunctionOn', {
      objectId: probeId,
      functionDeclaration: 'function () { return this.fn; }',
      silent: true,
    }).result.objectId;
    const props = post<Properties>('Runtime.getProperties', { objectId: handle, ownProperties: true });
    const location = internal(props, '[[FunctionLocation]]')?.value as FunctionLocation | undefined;
    const scopes = internal(props, '[[Scopes]]');
    const names: string[] = [];
    const remote: (RemoteObject | undefined)[] = [];
    if (scopes?.objectId) {
      const list = post<Properties>('Runtime.getProperties', { objectId: scopes.objectId, ownProperties: true });
      const entries = list.result.filter((e) => /^\d+$/.test(e.name)).sort((a, b) => Number(a.name) - Number(b.name));
      for (const entry of entries) {
        const kind = entry.value?.description ?? '';
        if (!entry.value?.objectId || kind.startsWith('Global') || kind.startsWith('Script')) continue;
        const vars = post<Properties>('Runtime.getProperties', { objectId: entry.value.objectId, ownProperties: true });
        for (const v of vars.result) {
          if (!wanted.has(v.name) || UNUSABLE.has(v.name) || names.includes(v.name)) continue;
          names.push(v.name);
          remote.push(v.value);
        }
      }
    }
    post('Runtime.callFunctionOn', {
      objectId: probeId,
      functionDeclaration: 'function () { this.values = Array.prototype.slice.call(arguments); }',
      arguments: remote.map(callArgument),
      silent: true,
    });
    const values = probe.values ?? [];
    if (values.length !== names.length) throw new Error("node:inspector did not hand back the values of the kernel's variables");
    return { names, values, location };
  } finally {
    delete g[PROBE];
    if (inspectorConnected()) post('Runtime.releaseObjectGroup', { objectGroup: GROUP });
  }
}
