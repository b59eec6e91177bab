// What the portable core needs to compile for the CPU and, under nvcc, for a
// GPU: functions callable from host and device code alike.
#pragma once

#if defined(__CUDACC__)
#define TSN_HD __host__ __device__
#else
#define TSN_HD
#endif
