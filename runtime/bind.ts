// The module the register hooks insert a require/import of into every module
// with marked functions. Kept separate from the public API so the inserted
// code names one small, stable entry point.
export { loadNative as bindNative, warnUnmapped as unmapped } from './loader';
export { loadKernel as bindKernel } from './kernel-loader';
