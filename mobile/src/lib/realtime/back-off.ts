export const BACK_OFF_BASE_MS = 1_000;
export const BACK_OFF_MAX_MS = 60_000;

/**
 * The wait before the `attempt`-th reconnection (1, 2, …) after failures: exponential, at most
 * a minute, with "equal jitter" (between half and all of the step) so that the devices a server
 * restart disconnected do not all come back in the same second.
 */
export function backOffDelay(attempt: number, random: () => number): number {
  const step = Math.min(BACK_OFF_MAX_MS, BACK_OFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
