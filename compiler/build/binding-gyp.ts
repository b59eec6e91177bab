// The binding.gyp of one generated module. Sources are relative to the file:
// absolute source paths break make's target names.
import type { BuildFlags } from './flags';

// node's common.gypi turns exceptions off and picks its own -std; both are
// removed so the generated code gets its own standard (C++17, or C++20 for the
// kernel simulator) with exceptions everywhere.
const REMOVED_CFLAGS = ['-fno-exceptions', '-std=gnu++17', '-std=gnu++20', '-std=c++20'];

export function bindingGyp(targetName: string, sourceFile: string, flags: BuildFlags): string {
  const std = flags.cflags.find((f) => f.startsWith('-std='))?.slice('-std='.length) ?? 'c++17';
  const target = {
    target_name: targetName,
    // gyp drops a leading "lib" from the output name (lib_util → _util.node) unless told otherwise.
    product_name: targetName,
    sources: [sourceFile],
    include_dirs: flags.includeDirs,
    defines: flags.defines,
    'cflags!': ['-fno-exceptions'],
    // gyp applies a `!` list after merging, so the standard we ask for must not be in it.
    'cflags_cc!': REMOVED_CFLAGS.filter((f) => f !== `-std=${std}`),
    cflags_cc: flags.cflags,
    ldflags: flags.ldflags,
    xcode_settings: {
      GCC_ENABLE_CPP_EXCEPTIONS: 'YES',
      CLANG_CXX_LIBRARY: 'libc++',
      CLANG_CXX_LANGUAGE_STANDARD: std,
      OTHER_CPLUSPLUSFLAGS: flags.cflags,
      OTHER_LDFLAGS: flags.ldflags,
    },
    msvs_settings: { VCCLCompilerTool: { ExceptionHandling: 1, AdditionalOptions: [`/std:${std}`] } },
  };
  return `${JSON.stringify({ targets: [target] }, null, 2)}\n`;
}
