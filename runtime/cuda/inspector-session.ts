// One node:inspector session to this thread, opened on first use. A session
// to the same thread answers each message before `post` returns, which lets
// the simulator read scopes and scripts synchronously, inside launch().
import { createRequire } from 'node:module';
import type { Session } from 'node:inspector';

let session: Session | undefined;

export function connect(): Session {
  if (!session) {
    let inspector: typeof import('node:inspector');
    try {
      // Loaded here, not imported: a Node built without the inspector must still load the runtime.
      inspector = createRequire(__filename)('node:inspector') as typeof import('node:inspector');
    } catch (e) {
      throw new Error(`node:inspector is not available in this Node (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
    const s = new inspector.Session();
    s.connect();
    session = s;
  }
  return session;
}

export function inspectorConnected(): boolean {
  return session !== undefined;
}

export function post<T>(method: string, params?: object): T {
  const s = connect();
  let answered = false;
  let error: Error | null = null;
  let result: T | undefined;
  s.post(method, params, (e: Error | null, r?: object) => {
    answered = true;
    error = e;
    result = r as T;
  });
  if (!answered) throw new Error(`node:inspector did not answer ${method} synchronously`);
  if (error) throw error;
  return result as T;
}
