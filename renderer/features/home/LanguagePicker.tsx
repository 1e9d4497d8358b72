import { useId } from 'react'
import { LOCALES, PSEUDO_LOCALE, isAnyLocale } from '../../../shared/i18n'
import { useApp } from '../../app/context'
import { systemLocale, useT } from '../../i18n'

/**
 * This person's language for the whole app. Personal: it changes what this window
 * says, never what the convening holds, so a group can read one room in six languages.
 * Each language is named in itself, so someone who cannot read the current one still
 * finds theirs.
 */
export function LanguagePicker() {
  const app = useApp()
  const t = useT()
  const id = useId()
  const system = LOCALES.find((l) => l.tag === systemLocale())?.name ?? 'English'
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t({ id: 'home.language.label', defaultMessage: 'Language' })}</label>
      <select
        id={id}
        value={app.locale}
        onChange={(event) => {
          const value = event.target.value
          if (value === 'system' || isAnyLocale(value)) void app.chooseLocale(value)
        }}
      >
        <option value="system">{t({ id: 'home.language.system', defaultMessage: 'As this computer ({language})' }, { language: system })}</option>
        {LOCALES.map((l) => (
          <option key={l.tag} value={l.tag} lang={l.tag}>
            {l.name}
          </option>
        ))}
        {app.locale === PSEUDO_LOCALE && <option value={PSEUDO_LOCALE}>{PSEUDO_LOCALE}</option>}
      </select>
    </div>
  )
}
