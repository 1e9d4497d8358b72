// The app's one way to speak: every interface string is a message
// ({ id, defaultMessage } in ICU MessageFormat) formatted with `t`, and dates,
// numbers and lists go through the same `intl` (Intl underneath).
//
//   const t = useT()
//   t({ id: 'home.create.title', defaultMessage: 'Start a convening' })
//   t({ id: 'people.count', defaultMessage: '{count, plural, one {# person} other {# people}}' }, { count })
//   t({ id: 'x', defaultMessage: 'Press <key>F</key>' }, { key: (chunks) => <kbd>{chunks}</kbd> })  // rich: ReactNode
import { useIntl } from 'react-intl'

export { useIntl } from 'react-intl'
export { I18nProvider, useLocale } from './I18nProvider'
export { loadLocaleChoice, saveLocaleChoice, resolveChoice, systemLocale, type LocaleChoice } from './settings'

/** Format a message in the person's language (react-intl's formatMessage). */
export function useT(): ReturnType<typeof useIntl>['formatMessage'] {
  return useIntl().formatMessage
}
export { timeAgo } from './format'
export { sayRefusal, useRefusal, type Refusal } from './refusals'
export { translatedContent, wholeOrEnglish, type ContentLoaders, type TranslatedContent, type TranslatedContentOptions } from './localContent'
