// Polls an assertion with REAL timeouts: testing-library's waitFor polls with setInterval, which the timer tests fake.
// Each try runs inside act() first, so effects of a live-query update (such as the display's tick) have been flushed.
import { act } from '@testing-library/react';

export async function until(check: () => void, timeoutMs = 15_000): Promise<void> {
  const start = performance.now();
  for (;;) {
    await act(async () => {});
    try {
      check();
      return;
    } catch (e) {
      if (performance.now() - start > timeoutMs) throw e;
      await act(() => new Promise<void>((r) => setTimeout(r, 10)));
    }
  }
}
