import { useEffect, useState } from 'react'
import { BUILT_IN_TEMPLATES, parseTemplate, type AgendaTemplate } from '../../../shared/facilitation'
import { useLocale } from '../../i18n'

/**
 * The built-in agenda templates in a person's language: resources/i18n/<locale>/agenda-templates.json,
 * a list of full copies of resources/facilitation/*.json with the same template ids (name,
 * description and segments translated). Each language is its own chunk, loaded the first time
 * someone opens the templates, and each template is checked with the schema the built-in ones
 * use (parseTemplate): a missing or broken file means English, and a template the file lacks
 * or that fails the check stays in English.
 *
 * Using a translated template writes its segments in that language: like any agenda a
 * facilitator writes, they are the convening's content from then on.
 */
export type TemplateLoaders = Record<string, () => Promise<unknown>>

const LOADERS: TemplateLoaders = import.meta.glob('../../../resources/i18n/*/agenda-templates.json', { import: 'default' })

const loaded = new Map<string, Promise<readonly AgendaTemplate[] | null>>()

function checked(locale: string, data: unknown): readonly AgendaTemplate[] | null {
  if (!Array.isArray(data)) {
    console.warn(`Convene: the ${locale} agenda templates are not a list; they stay in English`)
    return null
  }
  const out: AgendaTemplate[] = []
  for (const entry of data) {
    const result = parseTemplate(entry)
    if (result.ok) out.push(result.template)
    else console.warn(`Convene: a ${locale} agenda template cannot be used; it stays in English`, result)
  }
  return out.length > 0 ? out : null
}

/** The translated built-in templates of a language, or null where there are none (English, a missing or invalid file). */
export function loadLocalTemplates(locale: string, loaders: TemplateLoaders = LOADERS): Promise<readonly AgendaTemplate[] | null> {
  const load = loaders[`../../../resources/i18n/${locale}/agenda-templates.json`]
  if (!load) return Promise.resolve(null)
  // Cached per language for the app's own files; a test's loaders are read afresh.
  const cached = loaders === LOADERS ? loaded.get(locale) : undefined
  if (cached) return cached
  const pending = load().then(
    (data) => checked(locale, data),
    (error: unknown) => {
      console.warn(`Convene: the ${locale} agenda templates could not be loaded; they stay in English`, error)
      return null
    },
  )
  if (loaders === LOADERS) loaded.set(locale, pending)
  return pending
}

/** The built-in templates as the person reads them: each one translated where their language has it, else in English. */
export function localTemplates(translated: readonly AgendaTemplate[] | null, builtIn: readonly AgendaTemplate[] = BUILT_IN_TEMPLATES): readonly AgendaTemplate[] {
  if (!translated) return builtIn
  return builtIn.map((template) => translated.find((local) => local.id === template.id) ?? template)
}

/** The built-in templates in the person's language (English until the translation has loaded, and for English). */
export function useLocalTemplates(): readonly AgendaTemplate[] {
  const locale = useLocale()
  const [state, setState] = useState<{ locale: string; templates: readonly AgendaTemplate[] | null }>({ locale: '', templates: null })
  useEffect(() => {
    let live = true
    void loadLocalTemplates(locale).then((templates) => {
      if (live) setState({ locale, templates })
    })
    return () => {
      live = false
    }
  }, [locale])
  return localTemplates(state.locale === locale ? state.templates : null)
}
