import type { ApiError, ApiResult, RemoteApi } from '../../electron/api';

/** window.otpDesk, provided by the preload (or the test bridge). */
export const remote: RemoteApi = (window as unknown as { otpDesk: RemoteApi }).otpDesk;

/** An API failure carrying the message the user should read. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Awaits an API call and returns its value, or throws ApiFailure with the user-facing message. */
export async function call<T>(result: Promise<ApiResult<T>>): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) throw new ApiFailure(outcome.error);
  return outcome.value;
}

/** The message to show for any error caught in the renderer. */
export function messageOf(error: unknown): string {
  return error instanceof ApiFailure ? error.message : 'Something went wrong. Try again.';
}
