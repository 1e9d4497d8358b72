import { ROLE_MESSAGES } from '../../session/schema'
import { readPeople } from '../../session/doc'
import type { HarvestSection, ListItem } from '../blocks'
import { translatorOf } from '../language'

/** Everyone who took part, in the order they joined, with their role and time zone. */
export const peopleSection: HarvestSection = {
  id: 'people',
  title: { id: 'notes.export.section.people', defaultMessage: 'People' },
  order: 10,
  collect(doc, context) {
    const t = translatorOf(context)
    const people = readPeople(doc)
    if (people.length === 0) return null
    const items: ListItem[] = people.map((person) => ({
      text: [
        { text: person.name, strong: true },
        { text: ` — ${t.formatMessage(ROLE_MESSAGES[person.role])}${person.timeZone && person.timeZone !== 'UTC' ? ` · ${person.timeZone}` : ''}` },
      ],
    }))
    return { blocks: [{ kind: 'list', items }] }
  },
}
