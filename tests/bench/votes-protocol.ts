// What the dot-vote benchmark's coordinator (votes.ts) and its peer processes
// (votes-peer.ts) say to each other over fork's IPC channel.
import type { Dots, VoteItem } from '../../shared/facilitation'

export interface PeerSpec {
  id: string
  /** The founder: seeds the convening, signs with the key the invite names (hex). */
  founder?: boolean
  secretKey?: string
}

export type PeerCommand =
  | { cmd: 'open'; peers: PeerSpec[]; room: string; secret: string; url: string; founderKey: string }
  | { cmd: 'settle'; people: number; ids: string[]; founder: string }
  | { cmd: 'start'; by: string; items: VoteItem[]; dots: number }
  | { cmd: 'waitVote'; voteId: string }
  | { cmd: 'expect'; id: string; voteId: string; voter: string; dots: string }
  | { cmd: 'cast'; id: string; voteId: string; voter: string; dots: Dots }
  | { cmd: 'exit' }

export type PeerMessage =
  | { type: 'ready' }
  | { type: 'opened' }
  | { type: 'settled' }
  | { type: 'started'; voteId: string }
  | { type: 'voteReady' }
  | { type: 'cast'; id: string; t: number; signedMs: number }
  | { type: 'seen'; id: string; arrival: number[]; tally: number[] }
  | { type: 'error'; message: string }

/** The same dots, whatever order their keys were written in. */
export function canonical(dots: Dots): string {
  return JSON.stringify(Object.fromEntries(Object.entries(dots).filter(([, n]) => n > 0).sort(([a], [b]) => a.localeCompare(b))))
}
