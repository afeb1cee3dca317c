import { useSyncExternalStore } from 'react';
import { themeController, type ThemePreference } from './theme';

/** The member's theme preference and the way to change it. */
export function useThemePreference(): readonly [ThemePreference, (preference: ThemePreference) => void] {
  const controller = themeController();
  const preference = useSyncExternalStore(
    (listener) => controller.subscribe(listener),
    () => controller.preference,
  );
  return [preference, (next) => controller.setPreference(next)] as const;
}
