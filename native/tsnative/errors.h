// JS errors raised from compiled code. Compiled functions throw tsn::JsError
// (zero cost until thrown); the N-API entry point turns it into the JS error
// of the same kind, so users see a TypeError/RangeError, never a crash.
#pragma once
#include <cstdint>
#include <string>

namespace tsn {

enum class ErrorKind { Error, TypeError, RangeError };

struct JsError {
  ErrorKind kind;
  std::string message;
};

[[noreturn]] inline void throw_error(ErrorKind kind, std::string message) {
  throw JsError{kind, std::move(message)};
}

[[noreturn]] inline void throw_type_error(const char* fn, const char* param, const std::string& what) {
  throw_error(ErrorKind::TypeError, std::string(fn) + "(" + param + "): " + what);
}

}  // namespace tsn
