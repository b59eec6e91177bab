// Functions that do nothing but cross the JS/C++ boundary, two ways: lean
// (raw N-API, one call per argument) and node-addon-api's usual style (each
// argument checked with IsNumber / IsTypedArray before it is read).
#include <napi.h>

namespace {

napi_value Add(napi_env env, napi_callback_info info) {
  size_t argc = 3;  // one spare slot detects extra arguments
  napi_value argv[3];
  double a, b;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (argc != 2 || napi_get_value_double(env, argv[0], &a) != napi_ok || napi_get_value_double(env, argv[1], &b) != napi_ok) {
    napi_throw_type_error(env, nullptr, "add: expected two numbers");
    return nullptr;
  }
  napi_value r;
  napi_create_double(env, a + b, &r);
  return r;
}

napi_value Head(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  napi_typedarray_type kind;
  size_t length = 0;
  void* data = nullptr;
  if (argc != 1 || napi_get_typedarray_info(env, argv[0], &kind, &length, &data, nullptr, nullptr) != napi_ok ||
      kind != napi_float64_array) {
    napi_throw_type_error(env, nullptr, "head: expected a Float64Array");
    return nullptr;
  }
  if (length == 0) {
    napi_throw_range_error(env, nullptr, "head: empty array");
    return nullptr;
  }
  napi_value r;
  napi_create_double(env, static_cast<double*>(data)[0], &r);
  return r;
}

Napi::Value AddUsual(const Napi::CallbackInfo& info) {
  if (info.Length() != 2 || !info[0].IsNumber() || !info[1].IsNumber())
    throw Napi::TypeError::New(info.Env(), "addUsual: expected two numbers");
  return Napi::Number::New(info.Env(), info[0].As<Napi::Number>().DoubleValue() + info[1].As<Napi::Number>().DoubleValue());
}

Napi::Value HeadUsual(const Napi::CallbackInfo& info) {
  if (info.Length() != 1 || !info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array)
    throw Napi::TypeError::New(info.Env(), "headUsual: expected a Float64Array");
  auto xs = info[0].As<Napi::Float64Array>();
  if (xs.ElementLength() == 0) throw Napi::RangeError::New(info.Env(), "headUsual: empty array");
  return Napi::Number::New(info.Env(), xs[0]);
}

}  // namespace

void register_calls(Napi::Env env, Napi::Object exports) {
  napi_value add, head;
  napi_create_function(env, "add", NAPI_AUTO_LENGTH, Add, nullptr, &add);
  napi_create_function(env, "head", NAPI_AUTO_LENGTH, Head, nullptr, &head);
  exports["add"] = Napi::Value(env, add);
  exports["head"] = Napi::Value(env, head);
  exports["addUsual"] = Napi::Function::New(env, AddUsual, "addUsual");
  exports["headUsual"] = Napi::Function::New(env, HeadUsual, "headUsual");
}
