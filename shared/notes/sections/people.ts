import { ROLE_LABELS } from '../../session/schema'
import { readPeople } from '../../session/doc'
import type { HarvestSection, ListItem } from '../blocks'

/** Everyone who took part, in the order they joined, with their role and time zone. */
export const peopleSection: HarvestSection = {
  id: 'people',
  title: 'People',
  order: 10,
  collect(doc) {
    const people = readPeople(doc)
    if (people.length === 0) return null
    const items: ListItem[] = people.map((person) => ({
      text: [
        { text: person.name, strong: true },
        { text: ` — ${ROLE_LABELS[person.role]}${person.timeZone && person.timeZone !== 'UTC' ? ` · ${person.timeZone}` : ''}` },
      ],
    }))
    return { blocks: [{ kind: 'list', items }] }
  },
}
