# The runtime's own addon, built by `npm install` (node-gyp rebuild) into
# build/Release/tsnative_runtime.node. Generated per-module addons do not use
# this file: compiler/build writes their own binding.gyp.
{
  "variables": {
    "tsnative_version": "<!(node -p \"require('./package.json').version\")"
  },
  "targets": [
    {
      "target_name": "tsnative_runtime",
      "sources": ["native/runtime/runtime.cc"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "native"],
      "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS", "TSNATIVE_VERSION=\"<(tsnative_version)\""],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions", "-std=gnu++17", "-std=gnu++20"],
      "cflags_cc": ["-std=c++17", "-O2"],
      "xcode_settings": {
        "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
        "CLANG_CXX_LIBRARY": "libc++",
        "CLANG_CXX_LANGUAGE_STANDARD": "c++17"
      },
      "msvs_settings": { "VCCLCompilerTool": { "ExceptionHandling": 1 } }
    }
  ]
}
