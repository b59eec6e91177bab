// The benchmark kernels written by hand in C++, as a C++ programmer would,
// computing exactly what the TypeScript sources compute (same operations in
// the same order, so results are bit-identical to JS). Built twice: without
// OpenMP (the single-thread reference) and with -fopenmp (the pragmas turn on;
// float sums use one partial per thread, added in thread order, as tsnative does).
#include <napi.h>

#include <cmath>
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace {

template <typename T>
struct Arr {
  T* data;
  int64_t length;
};

template <typename T>
constexpr napi_typedarray_type kind_of();
template <>
constexpr napi_typedarray_type kind_of<double>() { return napi_float64_array; }
template <>
constexpr napi_typedarray_type kind_of<float>() { return napi_float32_array; }
template <>
constexpr napi_typedarray_type kind_of<int32_t>() { return napi_int32_array; }

// Argument i as a typed array of T (a TypeError otherwise: no kernel may read a wrong buffer).
template <typename T>
Arr<T> arg(const Napi::CallbackInfo& info, size_t i) {
  Napi::Value v = info[i];
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != kind_of<T>())
    throw Napi::TypeError::New(info.Env(), "reference: argument " + std::to_string(i) + " has the wrong type");
  auto a = v.As<Napi::TypedArrayOf<T>>();
  return {a.Data(), static_cast<int64_t>(a.ElementLength())};
}

template <typename Term>
double ordered_sum(int64_t n, Term term) {
#ifdef _OPENMP
  const int threads = omp_get_num_procs();
  std::vector<double> part(threads, 0.0);
#pragma omp parallel num_threads(threads)
  {
    double own = 0;
#pragma omp for schedule(static)
    for (int64_t i = 0; i < n; i++) own += term(i);
    part[omp_get_thread_num()] = own;
  }
  double s = 0;
  for (double p : part) s += p;
  return s;
#else
  double s = 0;
  for (int64_t i = 0; i < n; i++) s += term(i);
  return s;
#endif
}

Napi::Value Sumsq(const Napi::CallbackInfo& info) {
  auto x = arg<double>(info, 0);
  return Napi::Number::New(info.Env(), ordered_sum(x.length, [&](int64_t i) { return x.data[i] * x.data[i]; }));
}

Napi::Value Dot(const Napi::CallbackInfo& info) {
  auto a = arg<double>(info, 0);
  auto b = arg<double>(info, 1);
  return Napi::Number::New(info.Env(), ordered_sum(a.length, [&](int64_t i) { return a.data[i] * b.data[i]; }));
}

Napi::Value Saxpy(const Napi::CallbackInfo& info) {
  double a = info[0].As<Napi::Number>().DoubleValue();
  auto x = arg<float>(info, 1);
  auto y = arg<float>(info, 2);
#pragma omp parallel for schedule(static)
  for (int64_t i = 0; i < x.length; i++) y.data[i] = static_cast<float>(a * x.data[i] + y.data[i]);
  return info.Env().Undefined();
}

Napi::Value Matmul(const Napi::CallbackInfo& info) {
  const double* a = arg<double>(info, 0).data;
  const double* b = arg<double>(info, 1).data;
  double* c = arg<double>(info, 2).data;
  const int64_t n = info[3].As<Napi::Number>().Int32Value();
#pragma omp parallel for schedule(static)
  for (int64_t i = 0; i < n; i++) {
    double* ci = c + i * n;
    for (int64_t j = 0; j < n; j++) ci[j] = 0;
    for (int64_t k = 0; k < n; k++) {
      const double aik = a[i * n + k];
      const double* bk = b + k * n;
      for (int64_t j = 0; j < n; j++) ci[j] += aik * bk[j];
    }
  }
  return info.Env().Undefined();
}

Napi::Value Mandelbrot(const Napi::CallbackInfo& info) {
  int32_t* out = arg<int32_t>(info, 0).data;
  const int width = info[1].As<Napi::Number>().Int32Value();
  const int height = info[2].As<Napi::Number>().Int32Value();
  const double x0 = info[3].As<Napi::Number>().DoubleValue(), y0 = info[4].As<Napi::Number>().DoubleValue();
  const double x1 = info[5].As<Napi::Number>().DoubleValue(), y1 = info[6].As<Napi::Number>().DoubleValue();
  const int maxIter = info[7].As<Napi::Number>().Int32Value();
  int inside = 0;
#pragma omp parallel for schedule(static) reduction(+ : inside)
  for (int py = 0; py < height; py++) {
    const double ci = y0 + ((y1 - y0) * py) / height;
    for (int px = 0; px < width; px++) {
      const double cr = x0 + ((x1 - x0) * px) / width;
      double zr = 0, zi = 0;
      int k = 0;
      while (k < maxIter && zr * zr + zi * zi <= 4) {
        const double t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        k++;
      }
      if (k == maxIter) inside++;
      out[py * width + px] = k;
    }
  }
  return Napi::Number::New(info.Env(), inside);
}

Napi::Value Advance(const Napi::CallbackInfo& info) {
  double* x = arg<double>(info, 0).data;
  double* y = arg<double>(info, 1).data;
  double* z = arg<double>(info, 2).data;
  double* vx = arg<double>(info, 3).data;
  double* vy = arg<double>(info, 4).data;
  double* vz = arg<double>(info, 5).data;
  auto massArr = arg<double>(info, 6);
  const double* mass = massArr.data;
  const double dt = info[7].As<Napi::Number>().DoubleValue();
  const int steps = info[8].As<Napi::Number>().Int32Value();
  const int64_t n = arg<double>(info, 0).length;
  for (int s = 0; s < steps; s++) {
    for (int64_t i = 0; i < n; i++) {
      for (int64_t j = i + 1; j < n; j++) {
        const double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
        const double d2 = dx * dx + dy * dy + dz * dz;
        const double mag = dt / (d2 * std::sqrt(d2));
        vx[i] -= dx * mass[j] * mag;
        vy[i] -= dy * mass[j] * mag;
        vz[i] -= dz * mass[j] * mag;
        vx[j] += dx * mass[i] * mag;
        vy[j] += dy * mass[i] * mag;
        vz[j] += dz * mass[i] * mag;
      }
    }
    for (int64_t i = 0; i < n; i++) {
      x[i] += dt * vx[i];
      y[i] += dt * vy[i];
      z[i] += dt * vz[i];
    }
  }
  return info.Env().Undefined();
}

Napi::Value Energy(const Napi::CallbackInfo& info) {
  const double* x = arg<double>(info, 0).data;
  const double* y = arg<double>(info, 1).data;
  const double* z = arg<double>(info, 2).data;
  const double* vx = arg<double>(info, 3).data;
  const double* vy = arg<double>(info, 4).data;
  const double* vz = arg<double>(info, 5).data;
  const double* mass = arg<double>(info, 6).data;
  const int64_t n = arg<double>(info, 0).length;
  double e = 0;
  for (int64_t i = 0; i < n; i++) {
    e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
    for (int64_t j = i + 1; j < n; j++) {
      const double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
      e -= (mass[i] * mass[j]) / std::sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return Napi::Number::New(info.Env(), e);
}

// A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1); the denominator is an exact integer either way.
inline double A(int64_t i, int64_t j) { return 1.0 / static_cast<double>((i + j) * (i + j + 1) / 2 + i + 1); }

template <bool transpose>
void multiply(const std::vector<double>& v, std::vector<double>& out) {
  const int64_t n = static_cast<int64_t>(v.size());
#pragma omp parallel for schedule(static)
  for (int64_t i = 0; i < n; i++) {
    double s = 0;
    for (int64_t j = 0; j < n; j++) s += (transpose ? A(j, i) : A(i, j)) * v[j];
    out[i] = s;
  }
}

Napi::Value SpectralNorm(const Napi::CallbackInfo& info) {
  const int64_t n = info[0].As<Napi::Number>().Int32Value();
  const int iterations = info[1].As<Napi::Number>().Int32Value();
  std::vector<double> u(n, 1.0), v(n), tmp(n);
  for (int k = 0; k < iterations; k++) {
    multiply<false>(u, tmp);
    multiply<true>(tmp, v);
    multiply<false>(v, tmp);
    multiply<true>(tmp, u);
  }
  double vBv = 0, vv = 0;
  for (int64_t i = 0; i < n; i++) {
    vBv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  return Napi::Number::New(info.Env(), std::sqrt(vBv / vv));
}

Napi::Value Jacobi(const Napi::CallbackInfo& info) {
  auto u = arg<double>(info, 0);
  double* src = u.data;
  double* dst = arg<double>(info, 1).data;
  const int64_t n = info[2].As<Napi::Number>().Int32Value();
  const int steps = info[3].As<Napi::Number>().Int32Value();
  for (int s = 0; s < steps; s++) {
#pragma omp parallel for schedule(static)
    for (int64_t i = 1; i < n - 1; i++) {
      for (int64_t j = 1; j < n - 1; j++) {
        const int64_t k = i * n + j;
        dst[k] = 0.25 * (src[k - 1] + src[k + 1] + src[k - n] + src[k + n]);
      }
    }
    std::swap(src, dst);
  }
  if (src != u.data) std::copy(src, src + u.length, u.data);
  return info.Env().Undefined();
}

inline uint32_t xorshift32(uint32_t x) {
  x ^= x << 13;
  x ^= x >> 17;
  return x ^ (x << 5);
}

Napi::Value CountInside(const Napi::CallbackInfo& info) {
  const int streams = info[0].As<Napi::Number>().Int32Value();
  const int samples = info[1].As<Napi::Number>().Int32Value();
  const uint32_t seed = info[2].As<Napi::Number>().Uint32Value();
  int64_t inside = 0;
#pragma omp parallel for schedule(static) reduction(+ : inside)
  for (int s = 0; s < streams; s++) {
    uint32_t x = seed + static_cast<uint32_t>(s + 1) * 0x9e3779b9u;
    if (x == 0) x = 1;
    for (int k = 0; k < samples; k++) {
      x = xorshift32(x);
      const double px = x / 4294967296.0;
      x = xorshift32(x);
      const double py = x / 4294967296.0;
      if (px * px + py * py < 1) inside++;
    }
  }
  return Napi::Number::New(info.Env(), static_cast<double>(inside));
}

constexpr int64_t CHUNKS = 32;

Napi::Value Histogram(const Napi::CallbackInfo& info) {
  auto xs = arg<double>(info, 0);
  const double lo = info[1].As<Napi::Number>().DoubleValue();
  const double hi = info[2].As<Napi::Number>().DoubleValue();
  auto counts = arg<int32_t>(info, 3);
  const int64_t bins = counts.length;
  const double scale = bins / (hi - lo);
  const int64_t per = static_cast<int64_t>(std::ceil(static_cast<double>(xs.length) / CHUNKS));
  std::vector<int32_t> rows(CHUNKS * bins, 0);
#pragma omp parallel for schedule(static)
  for (int64_t c = 0; c < CHUNKS; c++) {
    const int64_t end = std::min(xs.length, (c + 1) * per);
    int32_t* row = rows.data() + c * bins;
    for (int64_t i = c * per; i < end; i++) {
      const double b = std::floor((xs.data[i] - lo) * scale);
      if (b >= 0 && b < bins) row[static_cast<int64_t>(b)]++;
    }
  }
  for (int64_t b = 0; b < bins; b++) counts.data[b] = 0;
  for (int64_t c = 0; c < CHUNKS; c++)
    for (int64_t b = 0; b < bins; b++) counts.data[b] += rows[c * bins + b];
  return info.Env().Undefined();
}

}  // namespace

void register_calls(Napi::Env env, Napi::Object exports);

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports["sumsq"] = Napi::Function::New(env, Sumsq, "sumsq");
  exports["dot"] = Napi::Function::New(env, Dot, "dot");
  exports["saxpy"] = Napi::Function::New(env, Saxpy, "saxpy");
  exports["matmul"] = Napi::Function::New(env, Matmul, "matmul");
  exports["mandelbrot"] = Napi::Function::New(env, Mandelbrot, "mandelbrot");
  exports["advance"] = Napi::Function::New(env, Advance, "advance");
  exports["energy"] = Napi::Function::New(env, Energy, "energy");
  exports["spectralNorm"] = Napi::Function::New(env, SpectralNorm, "spectralNorm");
  exports["jacobi"] = Napi::Function::New(env, Jacobi, "jacobi");
  exports["countInside"] = Napi::Function::New(env, CountInside, "countInside");
  exports["histogram"] = Napi::Function::New(env, Histogram, "histogram");
  register_calls(env, exports);
  return exports;
}

NODE_API_MODULE(NODE_GYP_MODULE_NAME, Init)
