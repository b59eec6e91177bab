// Every generated name comes from here. Generated helpers share the `tsn_`
// prefix, so user names never clash with them and annotate can count them.
import type { Local } from '../ir/nodes';

const CPP_RESERVED = new Set(
  (
    'alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t char32_t class compl ' +
    'concept const consteval constexpr constinit const_cast continue co_await co_return co_yield decltype default delete do ' +
    'double dynamic_cast else enum explicit export extern false float for friend goto if inline int long mutable namespace ' +
    'new noexcept not not_eq nullptr operator or or_eq private protected public register reinterpret_cast requires return ' +
    'short signed sizeof static static_assert static_cast struct switch template this thread_local throw true try typedef ' +
    'typeid typename union unsigned using virtual void volatile wchar_t while xor xor_eq main NULL INFINITY NAN env info args ' +
    'exports std tsn napi_value napi_env assert errno signbit isnan isinf isfinite'
  ).split(' '),
);

export function localName(local: Local): string {
  if (local.synthetic) return `tsn_${local.name}${local.id}`;
  const n = local.name.replace(/\$/g, '_S');
  if (CPP_RESERVED.has(n) || n.startsWith('tsn_') || n.startsWith('_')) return `u_${n}`;
  return n;
}

export const implName = (fn: string): string => `tsn_fn_${fn}`;
export const entryName = (fn: string): string => `tsn_entry_${fn}`;
export const offloadName = (fn: string): string => `tsn_offload_${fn}`;
export { offloadExport } from '../../runtime/offload-name';
export const breakLabel = (label: string): string => `tsn_break_${label}`;
export const continueLabel = (label: string): string => `tsn_continue_${label}`;

/** A C++-identifier form of a module key: src/lib/math.ts → src_lib_math. */
export const moduleStem = (key: string): string => key.replace(/\.[cm]?tsx?$/, '').replace(/[^A-Za-z0-9_]/g, '_');
