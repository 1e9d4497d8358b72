import { useSyncExternalStore } from 'react'

/**
 * Hash routes, so the same build works from file:// (desktop) and any static host
 * (browser twin), and so an invite's secret in `#/join?…` never reaches a server.
 */
export type Route =
  | { name: 'home' }
  | { name: 'convening'; id: string }
  | { name: 'cohort'; id: string }
  | { name: 'join'; query: string }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const convening = /^\/c\/([A-Za-z0-9_-]{22})$/.exec(path)
  if (convening) return { name: 'convening', id: convening[1] }
  const cohort = /^\/cohort\/([A-Za-z0-9_-]{22})$/.exec(path)
  if (cohort) return { name: 'cohort', id: cohort[1] }
  if (path.startsWith('/join?')) return { name: 'join', query: path.slice('/join?'.length) }
  return { name: 'home' }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash)
  return parseRoute(hash)
}

export function navigate(route: Route): void {
  if (route.name === 'home') location.hash = '#/'
  else if (route.name === 'convening') location.hash = `#/c/${route.id}`
  else if (route.name === 'cohort') location.hash = `#/cohort/${route.id}`
  else location.hash = `#/join?${route.query}`
}
