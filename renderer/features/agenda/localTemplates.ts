import { BUILT_IN_TEMPLATES, parseTemplate, type AgendaTemplate } from '../../../shared/facilitation'
import { translatedContent, type ContentLoaders } from '../../i18n'

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
export type TemplateLoaders = ContentLoaders

function checked(data: unknown, locale: string): readonly AgendaTemplate[] | null {
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

const templates = translatedContent({
  file: 'agenda-templates.json',
  loaders: import.meta.glob('../../../resources/i18n/*/agenda-templates.json', { import: 'default' }),
  read: checked,
  unloaded: (locale) => `the ${locale} agenda templates could not be loaded; they stay in English`,
})

/** The translated built-in templates of a language, or null where there are none (English, a missing or invalid file). */
export function loadLocalTemplates(locale: string, loaders?: TemplateLoaders): Promise<readonly AgendaTemplate[] | null> {
  return templates.load(locale, loaders)
}

/** The built-in templates as the person reads them: each one translated where their language has it, else in English. */
export function localTemplates(translated: readonly AgendaTemplate[] | null, builtIn: readonly AgendaTemplate[] = BUILT_IN_TEMPLATES): readonly AgendaTemplate[] {
  if (!translated) return builtIn
  return builtIn.map((template) => translated.find((local) => local.id === template.id) ?? template)
}

/** The built-in templates in the person's language (English until the translation has loaded, and for English). */
export function useLocalTemplates(): readonly AgendaTemplate[] {
  return localTemplates(templates.use())
}
