// The transcendental Math functions: libm for now, so within a few ulps of V8
// (SPEC §2 exception), with every ECMAScript special value exact.
import type { f64 } from 'tsnative';

/** @native */ export function sin(x: f64): f64 {
  return Math.sin(x);
}
/** @native */ export function cos(x: f64): f64 {
  return Math.cos(x);
}
/** @native */ export function tan(x: f64): f64 {
  return Math.tan(x);
}
/** @native */ export function asin(x: f64): f64 {
  return Math.asin(x);
}
/** @native */ export function acos(x: f64): f64 {
  return Math.acos(x);
}
/** @native */ export function atan(x: f64): f64 {
  return Math.atan(x);
}
/** @native */ export function atan2(y: f64, x: f64): f64 {
  return Math.atan2(y, x);
}
/** @native */ export function sinh(x: f64): f64 {
  return Math.sinh(x);
}
/** @native */ export function cosh(x: f64): f64 {
  return Math.cosh(x);
}
/** @native */ export function tanh(x: f64): f64 {
  return Math.tanh(x);
}
/** @native */ export function asinh(x: f64): f64 {
  return Math.asinh(x);
}
/** @native */ export function acosh(x: f64): f64 {
  return Math.acosh(x);
}
/** @native */ export function atanh(x: f64): f64 {
  return Math.atanh(x);
}
/** @native */ export function exp(x: f64): f64 {
  return Math.exp(x);
}
/** @native */ export function expm1(x: f64): f64 {
  return Math.expm1(x);
}
/** @native */ export function log(x: f64): f64 {
  return Math.log(x);
}
/** @native */ export function log1p(x: f64): f64 {
  return Math.log1p(x);
}
/** @native */ export function log2(x: f64): f64 {
  return Math.log2(x);
}
/** @native */ export function log10(x: f64): f64 {
  return Math.log10(x);
}
/** @native */ export function cbrt(x: f64): f64 {
  return Math.cbrt(x);
}
/** @native */ export function pow(x: f64, y: f64): f64 {
  return Math.pow(x, y);
}
/** @native */ export function hypot(x: f64, y: f64): f64 {
  return Math.hypot(x, y);
}
