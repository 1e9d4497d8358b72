// Pieces every feature may use: they belong to no one feature. Clocks and countdowns,
// the bell and its mute, notices, a field that commits when done, dialogs and menus,
// icons and the layout of the screen.
export { localClock, useMinute, useNow, type Clock } from './clock'
export { ringBell, unlockAudio, type BellKind } from './bell'
export { setMuted, useMuted } from './mute'
export { Countdown, Said, useCountdown, type CountdownOptions, type Ticking } from './Countdown'
export { FORM_TIMES, LINE_TIMES, Notice, NoticeLine, Notices, submitted, useNotice, type Answer, type NoticeTimes, type NoticeTone, type NoticeValue, type ShownNotice } from './notice'
export { CommitField } from './CommitField'
export { ConfirmDialog, Dialog } from './Dialog'
export { MoreMenu } from './MoreMenu'
export { Splitter } from './Splitter'
export { Icon, type IconName } from './icons'
export { PEOPLE_WIDTH, SIDE_WIDTH, atLeast, clamp, setLayout, useBreakpoint, useLayout, type Breakpoint, type Layout } from './layout'
export { useBoundText, type BoundTextOptions } from './useBoundText'
export { useOverflow } from './useOverflow'
export { isEditable } from './dom'
