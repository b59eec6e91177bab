// A counting loop marked by compiler/ir/opt/lanes.ts, run `width` iterations
// at a time: each lane's lets, then all lanes' while loops stepped together
// (a lane whose test fails keeps its values: a select, so the step vectorises),
// then each lane's rest in order; the last iterations run one at a time.
import type { Expr, Lanes, Local, Stmt } from '../../ir/nodes';
import { assignedLocals } from '../../ir/walk';
import { localName } from '../names';
import type { CodeWriter } from '../writer';
import { expr } from './expressions';
import { cppType } from './types';

type For = Stmt & { k: 'for'; lanes: Lanes };

/** Emits statements inside the loop, as the caller's statement emitter does. */
type Emit = (stmts: Stmt[]) => void;

export function emitLanes(w: CodeWriter, s: For, emit: Emit, rest: () => void): void {
  const { width, split, locals } = s.lanes;
  const init = s.init[0] as Stmt & { k: 'let' };
  const test = s.test as Expr & { k: 'compare' };
  const counter = localName(init.local);
  const loop = s.body[split] as Stmt & { k: 'while' };
  const stepped = assignedLocals(loop.body);
  const lanes = (l: Local) => `tsn_lanes_${localName(l)}`;
  const eachLane = (body: () => void) =>
    w.block(`for (int tsn_l = 0; tsn_l < ${width}; tsn_l++)`, () => {
      w.line(`const int64_t ${counter} = tsn_lane0 + tsn_l;`);
      w.line(`(void)${counter};`);
      body();
    });
  const load = () => locals.forEach((l) => w.line(`${cppType(l.type)} ${localName(l)} = ${lanes(l)}[tsn_l];`));
  w.block('', () => {
    w.line(`int64_t ${counter} = ${expr(init.init)};`);
    w.block(`for (; ${counter} + ${width} <= ${expr(test.right)}; ${counter} += ${width})`, () => {
      w.line(`const int64_t tsn_lane0 = ${counter};`);
      locals.forEach((l) => w.line(`${cppType(l.type)} ${lanes(l)}[${width}];`));
      w.line(`bool tsn_live[${width}];`);
      eachLane(() => {
        emit(s.body.slice(0, split));
        locals.forEach((l) => w.line(`${lanes(l)}[tsn_l] = ${localName(l)};`));
        w.line('tsn_live[tsn_l] = true;');
      });
      w.block('for (;;)', () => {
        w.line('bool tsn_any = false;');
        eachLane(() => {
          load();
          w.line(`const bool tsn_go = tsn_live[tsn_l] & ${eager(loop.test)};`);
          emit(loop.body);
          locals
            .filter((l) => stepped.has(l))
            .forEach((l) => w.line(`${lanes(l)}[tsn_l] = tsn_go ? ${localName(l)} : ${lanes(l)}[tsn_l];`));
          w.line('tsn_live[tsn_l] = tsn_go;');
          w.line('tsn_any |= tsn_go;');
        });
        w.line('if (!tsn_any) break;');
      });
      eachLane(() => {
        load();
        emit(s.body.slice(split + 1));
      });
    });
    rest();
  });
}

/** A pure condition with `&&`/`||` evaluated eagerly (`&`, `|`): no branches, so the step vectorises. */
function eager(e: Expr): string {
  if (e.k === 'logical' && e.type.tag === 'scalar' && e.type.kind === 'bool')
    return `(${eager(e.left)} ${e.op === '&&' ? '&' : '|'} ${eager(e.right)})`;
  return `static_cast<bool>(${expr(e)})`;
}
