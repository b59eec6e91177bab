{
  "variables": {
    "reference_cflags": ["-std=c++17", "-O3", "-fwrapv", "-ffp-contract=off", "-fno-strict-aliasing"]
  },
  "target_defaults": {
    "sources": ["kernels.cc", "calls.cc"],
    "include_dirs": ["<!@(node -p \"require('node-addon-api').include\")"],
    "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS"],
    "cflags!": ["-fno-exceptions"],
    "cflags_cc!": ["-fno-exceptions", "-std=gnu++17", "-std=gnu++20", "-std=c++20"]
  },
  "targets": [
    {
      "target_name": "reference",
      "cflags_cc": ["<@(reference_cflags)", "-Wno-unknown-pragmas"]
    },
    {
      "target_name": "reference_omp",
      "cflags_cc": ["<@(reference_cflags)", "-fopenmp"],
      "ldflags": ["-fopenmp"]
    }
  ]
}
