export { initI18n, currentLanguage } from './i18n';
export { formatCalendarDate, formatMoney, MEMBER_TIME_ZONE } from './format';
export { pickLanguage, swissLocale, SUPPORTED_LANGUAGES, FALLBACK_LANGUAGE, type Language } from './languages';
export { useLanguage } from './use-language';
