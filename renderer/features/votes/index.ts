// Dot votes (shared/facilitation/votes.ts): the card everyone votes in while a vote
// runs and its results after, the one "Start a vote" dialog every entry point opens,
// and the list of every vote of the convening.
export { VotesHost } from './host'
export { VoteDock } from './VoteDock'
export { StartVoteButton } from './StartVote'
export { VotesArchive, VotesList } from './VotesList'
export { agendaSegments, cohortProjects, diagramVariables, icebergNotes, promptResponses } from './items'
