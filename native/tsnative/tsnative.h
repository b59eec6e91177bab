// The one header every generated CPU addon includes first (precompiled once
// per set of flags: compiler/build/gyp-template.ts): the portable numeric
// core and the Node-API boundary, on node_api.h alone (no node-addon-api:
// faster to compile). An addon with prange loops also includes
// parallel/prange.h. The addon defines TSN_SOURCE_FILE (the source path in
// error messages) after including it: nothing here may depend on it but the
// macros that expand in the addon's own code.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/checks.h"
#include "core/config.h"
#include "core/fault.h"
#include "core/numbers.h"
#include "napi/args.h"
#include "napi/arrays.h"
#include "napi/entry.h"
#include "napi/errors.h"
#include "napi/offload.h"
#include "napi/view.h"
