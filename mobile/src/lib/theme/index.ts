export { resolveTheme, themeController, THEME_PREFERENCES, type Theme, type ThemePreference } from './theme';
export { useThemePreference } from './use-theme';
