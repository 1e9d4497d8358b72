// Pieces the conversation feature built first and the run of show uses as they are:
// one clock tick for countdowns, one bell, one "mute bells" setting for the whole app,
// and one way to show a refused action. Collected here so that moving them to
// renderer/ui later is one edit.
export { useNow, useNotice } from '../conversation/hooks'
export { Notice, submitted } from '../conversation/Notice'
export { ringBell, unlockAudio } from '../conversation/bell'
export { useMuted, setMuted } from '../conversation/settings'
