// The sections other modules add to the notes (run of show, polls, loop plays, votes)
// write their fixed words in the exporter's language, and people's words as written.
import { describe, expect, it } from 'vitest'
import { collectHarvest, harvestToMarkdown } from '../../../../shared/notes'
import { translator, type Catalog } from '../../../../shared/i18n'
import { answerPoll, createPoll } from '../../../../shared/conversation'
import { addLink, addVariable, createDiagram, startPlay } from '../../../../shared/diagram'
import { appendSegments, castBallot, endVote, nextSegment, readSegments, startSegment, startVote, MINUTE, type VoteWriter } from '../../../../shared/facilitation'
import { TestClock, convening } from '../facilitation/helpers'

const T0 = Date.UTC(2026, 2, 12, 14, 5)

// The test names its own French, so it does not depend on the state of the real catalog.
const FRENCH: Catalog = {
  'notes.export.agenda.head.segment': 'Segment',
  'notes.export.agenda.head.kind': 'Type',
  'notes.export.agenda.head.planned': 'Prévu',
  'notes.export.agenda.head.ran': 'Déroulé',
  'notes.export.agenda.head.took': 'Durée',
  'notes.export.agenda.minutes': '{minutes} min',
  'notes.export.agenda.notRun': 'pas commencé',
  'notes.export.agenda.from': 'depuis {time}',
  'notes.export.agenda.range': 'de {start} à {end}',
  'notes.export.agenda.kind.checkIn': 'Tour d’accueil',
  'notes.export.agenda.kind.diagram': 'Diagramme',
  'notes.export.polls.fact.type': 'Type',
  'notes.export.polls.fact.answers': 'Réponses',
  'notes.export.polls.kind.choiceOne': 'Choix multiple, une seule réponse',
  'notes.export.polls.named': 'Avec nom',
  'notes.export.polls.fact.answered': 'Ont répondu',
  'notes.export.polls.people': '{count, plural, one {# personne} other {# personnes}}',
  'notes.export.polls.fact.whoAnswered': 'Qui a répondu',
  'notes.export.polls.mostChosen': '{option} (le plus choisi)',
  'notes.export.polls.head.option': 'Choix',
  'notes.export.polls.head.answers': 'Réponses',
  'notes.export.polls.head.share': 'Part',
  'notes.export.plays.played': '{time} {name} a lancé une impulsion : {direction, select, more {plus de} other {moins de}} {variable}.',
  'notes.export.plays.noLoop': 'L’impulsion n’a fait le tour d’aucune boucle.',
  'notes.export.votes.fact.on': 'Objet',
  'notes.export.votes.sourceTitled': '{source, select, variables {Variables d’un diagramme} other {Autre}} : {title}',
  'notes.export.votes.perPerson': '{dots, plural, one {# point} other {# points}} par personne, {cumulative, select, yes {plusieurs sur un même choix} other {au plus un par choix}}',
  'notes.export.votes.votedPeople': '{people, plural, one {# personne} other {# personnes}}, {dots, plural, one {# point} other {# points}}{running, select, yes { (encore en cours)} other {}}',
  'notes.export.votes.tied': '{rank} (ex æquo)',
  'notes.export.votes.head.rank': 'Rang',
}

const fran = (clock: TestClock): VoteWriter => ({ personId: 'fran', signer: null, clock })

async function gathering() {
  const doc = convening()
  const clock = new TestClock(T0)
  appendSegments(doc, 'fran', [
    { title: 'Welcome circle', kind: 'check-in', minutes: 10 },
    { title: 'Mapping our school', kind: 'diagram', minutes: 20 },
  ])
  const [first] = readSegments(doc).map((s) => s.id)
  startSegment(doc, 'fran', first, clock)
  nextSegment(doc, 'fran', clock.advance(12 * MINUTE), first)

  const poll = createPoll(doc, 'fran', { question: 'Where shall we meet next?', kind: 'choice', options: ['Lisbon', 'Nairobi'], multiple: false, anonymous: false, results: 'live' }, 10, true)
  if (!poll.ok) throw new Error(poll.message)
  for (const who of ['pia', 'pat']) answerPoll(doc, who, poll.id, { choices: [0] }, new Set())

  const diagram = createDiagram(doc, { title: 'Our school' }, 'test')
  if (!diagram.ok) throw new Error('no diagram')
  const births = addVariable(doc, diagram.value, { label: 'Trust', x: 0, y: 0 }, 'test')
  const other = addVariable(doc, diagram.value, { label: 'Time', x: 100, y: 0 }, 'test')
  if (!births.ok || !other.ok) throw new Error('no variables')
  addLink(doc, diagram.value, { from: births.value, to: other.value }, 'test')
  startPlay(doc, diagram.value, { from: births.value, direction: 1 }, 'fran', clock, 'test')

  const vote = await startVote(doc, fran(clock), {
    question: 'Where do we act first?',
    items: [
      { key: 'v-trust', label: 'Trust' },
      { key: 'v-time', label: 'Time' },
    ],
    dots: 1,
    cumulative: false,
    anonymous: false,
    results: 'live',
    minutes: null,
    source: { kind: 'variables', id: diagram.value, title: 'Our school' },
  })
  if (!vote.ok) throw new Error(vote.message)
  for (const [who, key] of [['pia', 'v-trust'], ['pat', 'v-time']] as const) {
    const cast = await castBallot(doc, { personId: who, signer: null, clock }, vote.value, { [key]: 1 })
    if (!cast.ok) throw new Error(cast.message)
  }
  return { doc, clock, voteId: vote.value }
}

describe('the sections of other modules in the exporter’s language', () => {
  it('write their fixed words in fr-CA and keep people’s words as written', async () => {
    const { doc, clock } = await gathering()
    // French writes a narrow no-break space before % and in times: read as plain spaces here.
    const markdown = harvestToMarkdown(collectHarvest(doc, { now: clock.now(), timeZone: 'UTC', t: translator('fr-CA', FRENCH) })).replace(/[\u00a0\u202f]/g, ' ')
    // Run of show: French columns, kinds and times; the segments' titles as written.
    expect(markdown).toContain('| Segment | Type | Prévu | Déroulé | Durée |')
    expect(markdown).toContain('| Welcome circle | Tour d’accueil | 10 min | de 14 h 05 à 14 h 17 | 12 min |')
    expect(markdown).toMatch(/\| Mapping our school \| Diagramme \| 20 min \| depuis 14 h 17 \| +\|$/m)
    // Polls: the question and options as written, everything else in French.
    expect(markdown).toContain('### Where shall we meet next?')
    expect(markdown).toContain('Choix multiple, une seule réponse')
    expect(markdown).toContain('2 personnes')
    expect(markdown).toContain('| Choix | Réponses | Part |')
    expect(markdown).toContain('| Lisbon (le plus choisi) | 2 | 100 % |')
    // Loop plays: the variable's name as written.
    expect(markdown).toContain('a lancé une impulsion : plus de Trust.')
    expect(markdown).toContain('L’impulsion n’a fait le tour d’aucune boucle.')
    // Votes.
    expect(markdown).toContain('### Where do we act first?')
    expect(markdown).toContain('Variables d’un diagramme : Our school')
    expect(markdown).toContain('1 point par personne, au plus un par choix')
    expect(markdown).toContain('2 personnes, 2 points (encore en cours)')
    expect(markdown).toContain('| 1 (ex æquo) | Trust | 1 | 50 % |')
    for (const english of ['Planned', 'not run', 'most chosen', 'played a pulse', 'per person', 'still running', '(tied)']) expect(markdown).not.toContain(english)
  })

  it('keep the English the notes always had', async () => {
    const { doc, clock, voteId } = await gathering()
    await endVote(doc, fran(clock), voteId)
    const markdown = harvestToMarkdown(collectHarvest(doc, { now: clock.now(), timeZone: 'UTC' }))
    expect(markdown).toContain('| Segment | Kind | Planned | Ran | Took |')
    expect(markdown).toContain('| Welcome circle | Check-in | 10 min | 14:05–14:17 | 12 min |')
    expect(markdown).toContain('| Lisbon (most chosen) | 2 | 100% |')
    expect(markdown).toContain('**14:17** Fran played a pulse: more Trust.')
    expect(markdown).toContain('The pulse went round no loop.')
    expect(markdown).toContain('- **Voted:** 2 people, 2 dots\n')
    expect(markdown).toContain('| 1 (tied) | Trust | 1 | 50% |')
  })
})
