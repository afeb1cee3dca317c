import { useEffect, useState } from 'react';

function secondsUntil(deadline: number | null, now: number): number {
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** Whole seconds left until `deadline` (epoch ms), ticking every second; 0 once passed. */
export function useCountdown(deadline: number | null, now: () => number = Date.now): number {
  const [tick, setTick] = useState({ deadline, seconds: secondsUntil(deadline, now()) });
  if (tick.deadline !== deadline) {
    // A new deadline: start from it at once rather than after the first tick.
    setTick({ deadline, seconds: secondsUntil(deadline, now()) });
  }

  useEffect(() => {
    if (deadline === null) return;
    const timer = setInterval(() => {
      const seconds = secondsUntil(deadline, now());
      setTick({ deadline, seconds });
      if (seconds === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline, now]);

  return tick.deadline === deadline ? tick.seconds : secondsUntil(deadline, now());
}
