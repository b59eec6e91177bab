// A hand-written CUDA addon in the shape the CUDA back end generates: a
// vector add (sync and async launchers), a kernel that indexes out of
// bounds, one that uses every atomic, and the runtime exports.
#include <tsnative/tsnative.h>
#include <tsnative/cuda/device.h>
#include <tsnative/cuda/launch.h>
#define TSN_SOURCE_FILE "src/vadd.ts"

__global__ void tsn_kernel_vadd(tsn::DeviceView<float> a, tsn::DeviceView<float> b, tsn::DeviceView<float> out) {
  const char* tsn_fn = "vadd";
  const int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i < out.length) TSN_AT(out, i, 4) = TSN_AT(a, i, 4) + TSN_AT(b, i, 4);
}

__global__ void tsn_kernel_oob(tsn::DeviceView<double> x) {
  const char* tsn_fn = "oob";
  const int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  TSN_AT(x, i + 1, 9) = 1.0;
}

__global__ void tsn_kernel_atomics(tsn::DeviceView<int32_t> i, tsn::DeviceView<uint32_t> u, tsn::DeviceView<float> f, tsn::DeviceView<double> d) {
  const double one = threadIdx.x == 0 ? 1.0 : -0.0;
  tsn::atomic_add(&i[0], 1);
  tsn::atomic_sub(&i[1], 1);
  tsn::atomic_min(&i[2], static_cast<int32_t>(threadIdx.x));
  tsn::atomic_max(&i[3], static_cast<int32_t>(threadIdx.x));
  tsn::atomic_exch(&i[4], 7);
  tsn::atomic_cas(&i[5], 0, 1);
  tsn::atomic_add(&u[0], 1u);
  tsn::atomic_sub(&u[1], 1u);
  tsn::atomic_min(&u[2], threadIdx.x);
  tsn::atomic_max(&u[3], threadIdx.x);
  tsn::atomic_exch(&u[4], 7u);
  tsn::atomic_cas(&u[5], 0u, 1u);
  tsn::atomic_add(&f[0], 1.0f);
  tsn::atomic_sub(&f[1], 1.0f);
  tsn::atomic_min(&f[2], static_cast<float>(one));
  tsn::atomic_max(&f[3], static_cast<float>(one));
  tsn::atomic_exch(&f[4], 0.5f);
  tsn::atomic_add(&f[5], 0.1);
  tsn::atomic_sub(&f[6], 0.1);
  tsn::atomic_min(&f[7], one);
  tsn::atomic_max(&f[8], one);
  tsn::atomic_exch(&f[9], 0.1);
  tsn::atomic_add(&d[0], 0.1);
  tsn::atomic_sub(&d[1], 0.1);
  tsn::atomic_min(&d[2], one);
  tsn::atomic_max(&d[3], one);
  tsn::atomic_exch(&d[4], 0.5);
}

static void tsn_launch_vadd(tsn::Args& args, tsn::cuda::Launch& launch) {
  auto a = launch.array<float>(args, 7, "a", napi_float32_array, false);
  auto b = launch.array<float>(args, 8, "b", napi_float32_array, false);
  auto out = launch.array<float>(args, 9, "out", napi_float32_array, true);
  launch.run(tsn_kernel_vadd, a, b, out);
}
static napi_value tsn_gpu_vadd(napi_env env, napi_callback_info info) { return tsn::cuda::launcher<10>(env, info, "vadd", tsn_launch_vadd); }
static napi_value tsn_gpu_async_vadd(napi_env env, napi_callback_info info) {
  return tsn::cuda::launcher_async<10>(env, info, "vadd", tsn_launch_vadd);
}

// The entry written out, as the launcher helper does it.
static napi_value tsn_gpu_oob(napi_env env, napi_callback_info info) {
  return tsn::entry<8>(env, info, "oob", [&](tsn::Args& args) -> napi_value {
    tsn::cuda::Launch launch(env, args, "oob");
    auto x = launch.array<double>(args, 7, "x", napi_float64_array, true);
    launch.run(tsn_kernel_oob, x);
    return tsn::ret_void(env);
  });
}

static napi_value tsn_gpu_atomics(napi_env env, napi_callback_info info) {
  return tsn::cuda::launcher<11>(env, info, "atomics", [](tsn::Args& args, tsn::cuda::Launch& launch) {
    auto i = launch.array<int32_t>(args, 7, "i", napi_int32_array, true);
    auto u = launch.array<uint32_t>(args, 8, "u", napi_uint32_array, true);
    auto f = launch.array<float>(args, 9, "f", napi_float32_array, true);
    auto d = launch.array<double>(args, 10, "d", napi_float64_array, true);
    launch.run(tsn_kernel_atomics, i, u, f, d);
  });
}

NAPI_MODULE_INIT() {
  tsn::export_function(env, exports, "vadd", tsn_gpu_vadd);
  tsn::export_function(env, exports, "vaddAsync", tsn_gpu_async_vadd);
  tsn::export_function(env, exports, "oob", tsn_gpu_oob);
  tsn::export_function(env, exports, "atomics", tsn_gpu_atomics);
  tsn::cuda::export_runtime(env, exports);
  return exports;
}
