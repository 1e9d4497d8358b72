import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runLoops } from '../../../../../electron/cli/commands/loops'
import { commands } from '../../../../../electron/cli/commands'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'convene-loops-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function run(args: string[], files: Record<string, unknown> = {}) {
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content))
  }
  const out: string[] = []
  const err: string[] = []
  const code = await runLoops(
    args.map((a) => (a.endsWith('.json') ? join(dir, a) : a)),
    { out: (t) => out.push(t), err: (t) => err.push(t) },
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

interface LoopsJson {
  capped: { length: boolean; count: boolean }
  counts: Record<string, number>
  loops: { number: string; id: string; polarity: string; length: number; variableIds: string[]; linkIds: string[] }[]
}
const parse = (text: string) => JSON.parse(text) as LoopsJson

const population = {
  variables: [
    { id: 'births', label: 'Births' },
    { id: 'pop', label: 'Population' },
    { id: 'deaths', label: 'Deaths' },
  ],
  links: [
    { id: 'l1', from: 'births', to: 'pop', polarity: '+' },
    { id: 'l2', from: 'pop', to: 'births', polarity: '+' },
    { id: 'l3', from: 'pop', to: 'deaths', polarity: '+' },
    { id: 'l4', from: 'deaths', to: 'pop', polarity: '-' },
  ],
}

describe('convene loops', () => {
  it('is registered as a command', () => {
    expect(commands.loops.summary).toMatch(/loops/)
  })

  it('prints each loop readably with its polarity, variables and links', async () => {
    const { code, out, err } = await run(['pop.json'], { 'pop.json': population })
    expect(code).toBe(0)
    expect(err).toBe('')
    expect(out).toContain('2 loops: 1 reinforcing, 1 balancing, 0 of unknown polarity.')
    expect(out).toContain('R1 (reinforcing, 2 variables): births -> pop -> births')
    expect(out).toContain('B1 (balancing, 2 variables): deaths -> pop -> deaths')
    expect(out).toContain('    links: l4, l3')
    expect(out).toContain('    labels: Births -> Population -> Births')
    expect(out).toContain('Every loop is listed (none is longer than 12 links).')
  })

  it('prints JSON with ids in order, link ids, polarity and the caps', async () => {
    const { code, out } = await run(['pop.json', '--json'], { 'pop.json': population })
    expect(code).toBe(0)
    const result = parse(out)
    expect(result.capped).toEqual({ length: false, count: false })
    expect(result.loops).toHaveLength(2)
    expect(result.loops.find((l) => l.polarity === 'B')).toMatchObject({
      number: 'B1',
      variableIds: ['deaths', 'pop'],
      linkIds: ['l4', 'l3'],
      length: 2,
    })
    expect(result.loops[0].id).toMatch(/^loop_/)
  })

  it('says when a cap was reached', async () => {
    const ring = {
      variables: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
      links: [
        { id: 'ab', from: 'a', to: 'b', polarity: '+' },
        { id: 'bc', from: 'b', to: 'c', polarity: '+' },
        { id: 'cd', from: 'c', to: 'd', polarity: '+' },
        { id: 'da', from: 'd', to: 'a', polarity: '+' },
        { id: 'ba', from: 'b', to: 'a', polarity: '-' },
        { id: 'cb', from: 'c', to: 'b', polarity: '-' },
      ],
    }
    const short = await run(['ring.json', '--max-length', '3'], { 'ring.json': ring })
    expect(short.out).toContain('Loops longer than 3 links exist and are not listed (--max-length).')
    const few = await run(['ring.json', '--max-loops', '1', '--json'])
    const result = parse(few.out)
    expect(result.loops).toHaveLength(1)
    expect(result.loops[0].length).toBe(2)
    expect(result.capped.count).toBe(true)
  })

  it('names the field of each problem and exits non-zero on bad input', async () => {
    const bad = {
      variables: [{ id: 'a' }, { id: 'a' }, { id: 'b' }],
      links: [
        { id: 'l1', from: 'a', to: 'b', polarity: '+' },
        { id: 'l2', from: 'a', to: 'x', polarity: '+' },
        { id: 'l3', from: 'b', to: 'b', polarity: '-' },
        { id: 'l4', from: 'b', to: 'a', polarity: 'plus' },
      ],
    }
    const invalid = await run(['bad.json'], { 'bad.json': bad })
    expect(invalid.code).toBe(1)
    expect(invalid.err).toMatch(/links\[3\]\.polarity: /)
    bad.links[3].polarity = '+'
    const broken = await run(['bad.json'], { 'bad.json': bad })
    expect(broken.code).toBe(1)
    expect(broken.err).toContain('variables[1].id: duplicate variable id "a"')
    expect(broken.err).toContain('links[1].to: no variable "x"')
    expect(broken.err).toContain('links[2]: a link from "b" to itself is not allowed')
    expect(broken.out).toBe('')
  })

  it('explains unreadable files, missing files and wrong options', async () => {
    const notJson = await run(['text.json'], { 'text.json': '{ "variables": [' })
    expect(notJson.code).toBe(1)
    expect(notJson.err).toMatch(/text\.json: not valid JSON/)
    const missing = await run(['missing.json'])
    expect(missing.code).toBe(1)
    expect(missing.err).toMatch(/missing\.json: ENOENT/)
    const huge = await run(['huge.json'], { 'huge.json': { variables: [{ id: 'a', label: 'x'.repeat(5000) }], links: [] } })
    expect(huge.err).toContain('variables[0].label: keep the label under 200 characters')
    const option = await run(['pop.json', '--max-length', 'ten'])
    expect(option.code).toBe(2)
    expect(option.err).toContain('--max-length must be a whole number from 1 to 1000 (got "ten")')
    expect((await run([])).code).toBe(2)
    expect((await run(['--help'])).out).toContain('Usage: convene loops FILE.json')
  })

  it('notes parallel links and counts each as its own loop', async () => {
    const parallel = {
      variables: [{ id: 'a' }, { id: 'b' }],
      links: [
        { id: 'l1', from: 'a', to: 'b', polarity: '+' },
        { id: 'l2', from: 'a', to: 'b', polarity: '-' },
        { id: 'l3', from: 'b', to: 'a', polarity: '+' },
      ],
    }
    const { code, out, err } = await run(['par.json', '--json'], { 'par.json': parallel })
    expect(code).toBe(0)
    expect(err).toContain('links[1] runs from "a" to "b" like links[0]; each makes its own loops')
    expect(parse(out).counts).toEqual({ loops: 2, reinforcing: 1, balancing: 1, unknown: 0 })
  })
})
