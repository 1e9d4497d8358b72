import type { useIntl } from '../../../i18n'

/**
 * "+1.2", "−0.6" (shared/diagram's formatChange) with the reader's decimal mark
 * ("+1,2"); the signs are the same in every language we speak, and English keeps
 * the true minus sign.
 */
export function signedChange(intl: ReturnType<typeof useIntl>, amount: number): string {
  const rounded = Math.round(amount * 10) / 10
  if (rounded === 0) return amount >= 0 ? '+0' : '−0'
  return `${rounded > 0 ? '+' : '−'}${intl.formatNumber(Math.abs(rounded), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false })}`
}
