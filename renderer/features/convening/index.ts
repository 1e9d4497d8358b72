export { ConveningScreen } from './ConveningScreen'
// What every panel component takes (a panel of another feature, such as harvest, is written against it).
export type { PanelProps } from './panels'
// What a cohort's screen shows in its own top bar (the same pieces as a convening's).
export { ConnectionStatus } from './ConnectionStatus'
export { InviteButton } from './InviteDialog'
export { TitleEditor } from './TitleEditor'
