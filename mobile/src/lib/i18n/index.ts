export { initI18n, currentLanguage, switchLanguage } from './i18n';
export { formatCalendarDate, formatDateTime, formatMoney, formatPercent, MEMBER_TIME_ZONE, todayInZurich } from './format';
export { pickLanguage, swissLocale, SUPPORTED_LANGUAGES, FALLBACK_LANGUAGE, type Language } from './languages';
export { storedLanguage, storeLanguage } from './language-preference';
export { useChangeLanguage, useLanguage } from './use-language';
