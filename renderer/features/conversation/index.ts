export { ConversationPanel } from './ConversationPanel'
// Which anonymous responses, answers and ballots this computer wrote (kept only here), for votes.
export { rememberAnonymous, useMyAnonymousIds } from './settings'
