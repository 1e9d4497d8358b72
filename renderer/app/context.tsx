import { createContext, useContext } from 'react'
import type { Signer } from '../../shared/session'
import type { ConveneDB, Identity, NetworkSettings } from '../sync'
import type { LocaleChoice } from '../i18n'

export interface AppServices {
  db: ConveneDB
  identity: Identity
  /** This person's signing key (roles are signed statements). */
  signer: Signer
  saveIdentity(next: Identity): Promise<void>
  network: NetworkSettings
  saveNetwork(next: NetworkSettings): Promise<void>
  /** This person's language (personal: never shared). */
  locale: LocaleChoice
  chooseLocale(next: LocaleChoice): Promise<void>
}

export const AppContext = createContext<AppServices | null>(null)

export function useApp(): AppServices {
  const value = useContext(AppContext)
  if (!value) throw new Error('useApp outside <App>')
  return value
}
