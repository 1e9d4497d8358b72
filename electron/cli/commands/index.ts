// Registry of `convene` commands. A command returns its exit code; a server command
// resolves only once it is listening and returns -1 so the process stays up.
import { climate } from './climate'
import { exportCommand } from './export'
import { loops } from './loops'
import { relay } from './relay'
import { signal } from './signal'
import { web } from './web'

export interface Command {
  summary: string
  run(args: string[]): Promise<number>
}

export const commands: Record<string, Command> = {
  signal,
  web,
  relay,
  loops,
  climate,
  export: exportCommand,
}
