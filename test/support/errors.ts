// Jest runs tests in a vm context, so an error made by native code (in the main
// realm) is not `instanceof` the test's RangeError: compare by name instead.
export function expectError(fn: () => unknown, name: string, message: string | RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeDefined();
  const err = caught as Error;
  expect(err.name).toBe(name);
  if (typeof message === 'string') expect(err.message).toBe(message);
  else expect(err.message).toMatch(message);
}
