import { describe, expect, it } from 'vitest'
import { lineChartSvg, niceTicks } from '../../../../shared/notes'

describe('line charts for the notes', () => {
  it('pick round tick values that cover the range', () => {
    expect(niceTicks(0, 3.2)).toEqual([0, 1, 2, 3])
    expect(niceTicks(2000, 2100, 5)).toEqual([2000, 2020, 2040, 2060, 2080, 2100])
    expect(niceTicks(5, 5)).toEqual([5])
  })

  it('draw each series as a path with a legend, escaping names, and survive bad numbers', () => {
    const svg = lineChartSvg({
      title: 'Warming <by> 2100',
      xLabel: 'Year',
      yLabel: '°C above 1850–1900',
      series: [
        { name: 'Current policies & "pledges"', points: [[2020, 1.2], [2050, 2], [2100, 2.7]] },
        { name: 'Bad', points: [[Number.NaN, 1], [2030, Number.POSITIVE_INFINITY]] },
      ],
    })
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).toContain('<title>Warming &lt;by&gt; 2100</title>')
    expect(svg).toContain('Current policies &amp; &quot;pledges&quot;')
    expect(svg.match(/<path d="M/g)).toHaveLength(1)
    expect(svg).not.toMatch(/NaN|Infinity/)
  })
})
