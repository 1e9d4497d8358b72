export { ConversationPanel } from './ConversationPanel'
