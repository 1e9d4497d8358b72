/**
 * Whether a name answers a search: every word typed appears in it, ignoring case
 * and accents ("jose" finds "José", "an sil" finds "Ana Silva").
 */
export function matchesName(name: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const target = fold(name)
  return words.every((w) => target.includes(w))
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase()
}
