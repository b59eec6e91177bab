# The runtime's own addon, built by `npm install` (node-gyp rebuild) into
# build/Release/tsnative_runtime.node. Generated per-module addons do not use
# this file: compiler/build writes their own binding.gyp.
#
# tsnative_mpi (the binding behind `tsnative/mpi`) is built only where
# native/mpi/find-mpi.js finds the system's MPI (mpicc --showme, pkg-config);
# without MPI the rest installs and `tsnative/mpi` says what to install.
{
  "variables": {
    "tsnative_version": "<!(node -p \"require('./package.json').version\")",
    "tsnative_has_mpi": "<!(node native/mpi/find-mpi.js has)"
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
  ],
  "conditions": [
    [
      "tsnative_has_mpi==1",
      {
        "targets": [
          {
            "target_name": "tsnative_mpi",
            "sources": ["native/mpi/mpi.cc"],
            "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
            "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS", "OMPI_SKIP_MPICXX", "MPICH_SKIP_MPICXX"],
            "cflags!": ["-fno-exceptions"],
            "cflags_cc!": ["-fno-exceptions", "-std=gnu++17", "-std=gnu++20"],
            "cflags_cc": ["-std=c++17", "-O2", "<!@(node native/mpi/find-mpi.js cflags)"],
            "libraries": ["<!@(node native/mpi/find-mpi.js libs)", "-ldl"],
            "xcode_settings": {
              "GCC_ENABLE_CPP_EXCEPTIONS": "YES",
              "CLANG_CXX_LIBRARY": "libc++",
              "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
              "OTHER_CFLAGS": ["<!@(node native/mpi/find-mpi.js cflags)"]
            }
          }
        ]
      }
    ]
  ]
}
