// Exit codes: 0 ok, 1 diagnostics or a failed build, 2 the command line was wrong.
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A mistake on the command line (unknown file, bad option value): exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
