// The one header every generated addon includes (precompiled once per set of
// flags: compiler/build/gyp-template.ts). The addon defines TSN_SOURCE_FILE
// (the source path in error messages) after including it: nothing here may
// depend on it but the macros that expand in the addon's own code.
#pragma once

#include <napi.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "args.h"
#include "arrays.h"
#include "entry.h"
#include "errors.h"
#include "numbers.h"
#include "offload.h"
#include "parallel.h"
#include "runtime.h"
#include "view.h"
