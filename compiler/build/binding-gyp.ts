// The binding.gyp of one generated module. Sources are relative to the file:
// absolute source paths break make's target names.
import type { BuildFlags } from './flags';

// node's common.gypi turns exceptions off and picks its own -std; both are
// removed so the generated code gets C++17 with exceptions everywhere.
const REMOVED_CFLAGS = ['-fno-exceptions', '-std=gnu++17', '-std=gnu++20', '-std=c++20'];

export function bindingGyp(targetName: string, sourceFile: string, flags: BuildFlags): string {
  const target = {
    target_name: targetName,
    // gyp drops a leading "lib" from the output name (lib_util → _util.node) unless told otherwise.
    product_name: targetName,
    sources: [sourceFile],
    include_dirs: flags.includeDirs,
    defines: flags.defines,
    'cflags!': ['-fno-exceptions'],
    'cflags_cc!': REMOVED_CFLAGS,
    cflags_cc: flags.cflags,
    ldflags: flags.ldflags,
    xcode_settings: {
      GCC_ENABLE_CPP_EXCEPTIONS: 'YES',
      CLANG_CXX_LIBRARY: 'libc++',
      CLANG_CXX_LANGUAGE_STANDARD: 'c++17',
      OTHER_CPLUSPLUSFLAGS: flags.cflags,
      OTHER_LDFLAGS: flags.ldflags,
    },
    msvs_settings: { VCCLCompilerTool: { ExceptionHandling: 1, AdditionalOptions: ['/std:c++17'] } },
  };
  return `${JSON.stringify({ targets: [target] }, null, 2)}\n`;
}
