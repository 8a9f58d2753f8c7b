// Lets pending promises and timers run until `condition` holds (or gives up): for code that crosses
// real async steps (WebCrypto, okta-auth-js), where fakeAsync cannot reach. Asserts nothing about time.
export async function until(condition: () => boolean, turns = 200): Promise<void> {
  for (let turn = 0; turn < turns && !condition(); turn++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
