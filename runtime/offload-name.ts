// The addon export that runs a function on the libuv pool (see native/tsnative/offload.h).
// Not an identifier, so it never clashes with a compiled function's name.
export const offloadExport = (name: string): string => `offload:${name}`;
