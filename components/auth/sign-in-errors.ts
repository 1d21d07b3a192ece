const WRONG_CREDENTIALS = new Set(["CredentialsSignin", "invalid_credentials"]);
const THROTTLED = /^too_many_attempts:(\d+)$/;

/** Turns a next-auth error code into a sentence a person can act on. */
export function signInErrorMessage(error: string): string {
  if (WRONG_CREDENTIALS.has(error)) return "Wrong email or password.";
  const throttled = THROTTLED.exec(error);
  if (throttled) {
    const seconds = Number(throttled[1]);
    return `Too many failed attempts. Try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`;
  }
  return `Sign-in failed: ${error}`;
}
