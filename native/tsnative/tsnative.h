// The one header every generated addon includes. Define TSN_SOURCE_FILE (the
// source path shown in error messages) before including it.
#pragma once
#ifndef TSN_SOURCE_FILE
#define TSN_SOURCE_FILE "<unknown>"
#endif

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
#include "view.h"
