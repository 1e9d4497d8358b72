import { expect, test, type Page } from '@playwright/test'
import { PSEUDO_LOCALE, type Locale } from '../../shared/i18n'
import { Person } from './support/convene'
import { ConversationView } from './support/conversation'
import { promptText, say } from './support/i18n'

/**
 * Issue 15: each person reads the app in their own language, chosen on Home (or their
 * computer's), while the convening they share stays one document. Every expected text is
 * read from the catalogs the app ships, so the test checks the Danish the app shows, not
 * a copy of it.
 */

async function joinIn(person: Person, tag: Locale, link: string): Promise<void> {
  await person.page.goto(link)
  const form = person.page.getByRole('form', { name: say(tag, 'home.join.heading', '') })
  await form.getByLabel(say(tag, 'home.person.name', '')).fill(person.name)
  await form.getByLabel(say(tag, 'home.person.role', '')).selectOption({ label: say(tag, 'role.practitioner', '') })
  await form.getByRole('button', { name: say(tag, 'home.join.convening', '') }).click()
}

function panelButton(page: Page, tag: Locale, english: string) {
  return page.getByRole('navigation', { name: say(tag, 'convening.', 'Convening panels') }).getByRole('button', { name: say(tag, 'convening.', english), exact: true })
}

test('three people read one convening in three languages, and a prompt beside its original', async ({ browser }) => {
  test.setTimeout(120_000)
  const ada = await Person.open(browser, 'Ada') // an English computer
  const dag = await Person.open(browser, 'Dag', { locale: 'da' }) // a Danish computer: Danish without choosing
  const zoe = await Person.open(browser, 'Zoe') // an English computer; Zoe chooses Chinese (Hong Kong) on Home
  await zoe.page.getByLabel('Language').selectOption({ label: '中文（香港）' })
  await expect(zoe.page.getByRole('heading', { name: say('zh-HK', 'home.list.title', '') })).toBeVisible()

  await ada.createConvening('Tre sprog · 三種語言')
  const link = await ada.inviteLink()
  await joinIn(dag, 'da', link)
  await joinIn(zoe, 'zh-HK', link)
  await ada.expectPresent(['Ada', 'Dag', 'Zoe'])

  const talk = new ConversationView(ada)
  await talk.open()
  await talk.useDeck('Check-in')
  await expect(ada.page.getByTestId('current-prompt')).toContainText(promptText('en', 'check-in', 'one-word'))

  for (const [person, tag] of [[dag, 'da'], [zoe, 'zh-HK']] as const) {
    const page = person.page
    // The title Ada wrote is the same words for everyone; the field around it speaks their language.
    await expect(page.getByLabel(say(tag, 'convening.', 'Convening title'))).toHaveValue('Tre sprog · 三種語言')
    await panelButton(page, tag, 'Conversation').click()
    const prompt = page.getByTestId('current-prompt')
    await expect(prompt).toContainText(promptText(tag, 'check-in', 'one-word'))
    await expect(prompt).not.toContainText(promptText('en', 'check-in', 'one-word'))
    // The deck's own words, beside the translation, on this screen only.
    await page.getByRole('button', { name: say(tag, 'conversation.prompt.showOriginal', '') }).click()
    await expect(page.getByTestId('original-prompt')).toContainText(promptText('en', 'check-in', 'one-word'))
    await expect(prompt).toContainText(promptText(tag, 'check-in', 'one-word'))
  }
  await expect(ada.page.getByTestId('original-prompt')).toHaveCount(0)

  // The language is this computer's: Zoe's window opens in Chinese again, and nobody else's changed.
  await zoe.page.reload()
  await expect(zoe.page.getByLabel(say('zh-HK', 'convening.', 'Convening title'))).toHaveValue('Tre sprog · 三種語言')
  await expect(panelButton(ada.page, 'en', 'Conversation')).toBeVisible()
  await dag.screenshot('languages-danish-conversation')
  await zoe.screenshot('languages-chinese-conversation')
  for (const person of [ada, dag, zoe]) await person.close()
})

/**
 * What a screen shows that did not come through a message: visible text and labels with
 * two or more plain Latin letters. In the pseudo-locale every message is accented (no
 * plain letter is left) and wrapped in ⟦ ⟧, and the test writes its own content in Greek,
 * so any plain word left is a string that escaped translation.
 */
async function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Content, not interface: the prompt decks' words (translated as whole files, English in
    // the pseudo-locale), and machine text (Markdown and its front matter, code).
    // Our authored content (decks, the clinic's stages, guides) is translated as whole
    // files and shows in English in the pseudo-locale, which has none.
    const CONTENT = ['[data-testid="current-prompt"]', '.cv-deck-description', '.model-guide', '.dg-archetype-detail', '.stage-plan', '.clinic-about', 'pre', 'code']
    // Words that are the same in every language: key names, time zone abbreviations, and
    // what Intl writes for the pseudo-locale, which formats dates and zones as English (en-GB).
    const SAME = new Set(['Ctrl', 'Shift', 'Alt', 'Cmd', 'Esc', 'Enter', 'Tab', 'Del', 'UTC', 'GMT', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Coordinated', 'Universal', 'Time'])
    const found = new Set<string>()
    const words = /[A-Za-z]{2,}/g
    // Text with ⟦ or ⟧ came through a message (a name or content it quotes may be plain);
    // addresses (ws://…, stun:…) are not words.
    const plain = {
      test: (text: string): boolean =>
        !/[⟦⟧]/.test(text) && (text.replace(/\b[a-z]+:\S+/g, '').match(words) ?? []).some((w) => !SAME.has(w)),
    }
    const visible = (el: Element): boolean => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0
    const skipped = (el: Element): boolean =>
      CONTENT.some((s) => el.closest(s)) || (el.closest('[lang]') !== null && el.closest('[lang]') !== document.documentElement)
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (el.closest('script, style, svg title') || !visible(el) || skipped(el)) continue
      for (const node of Array.from(el.childNodes)) {
        const text = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '').trim() : ''
        if (text && plain.test(text)) found.add(`${el.tagName.toLowerCase()}: ${text.slice(0, 80)}`)
      }
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
        const value = el.getAttribute(attribute)
        if (value && plain.test(value)) found.add(`${el.tagName.toLowerCase()}[${attribute}]: ${value.slice(0, 80)}`)
      }
    }
    return [...found]
  })
}

test('pseudo-locale: every screen speaks through the catalogs, and screenshots show what longer words do', async ({ browser }) => {
  test.setTimeout(240_000)
  const X = (prefix: string, english: string) => say(PSEUDO_LOCALE, prefix, english)
  const xa = await Person.open(browser, 'Άννα', { locale: PSEUDO_LOCALE })
  const page = xa.page
  const escaped: string[] = []
  const check = async (where: string): Promise<void> => {
    await xa.screenshot(`pseudo-${where}`)
    for (const text of await untranslated(page)) escaped.push(`${where}: ${text}`)
  }
  await check('home')

  const form = page.getByRole('form', { name: X('home.', 'Start a convening') })
  await form.getByLabel(X('home.create.title', '')).fill('Σύνοδος')
  await form.getByLabel(X('home.person.name', '')).fill('Άννα')
  await form.getByRole('button', { name: X('home.create.submit', '') }).click()
  const nav = page.getByRole('navigation', { name: X('convening.', 'Convening panels') })
  await expect(nav).toBeVisible()
  await check('convening')

  const panels = nav.getByRole('button')
  const count = await panels.count()
  expect(count).toBeGreaterThan(5)
  for (let i = 0; i < count; i++) {
    await panels.nth(i).click()
    await expect(panels.nth(i)).toHaveAttribute('aria-current', /.+/)
    // Sub-views (agenda and climate tabs) each get their own look.
    const tabs = page.locator('main [role="tablist"]').first().getByRole('tab')
    const tabCount = await tabs.count()
    if (tabCount === 0) await check(`panel-${i + 1}`)
    for (let j = 0; j < tabCount; j++) {
      await tabs.nth(j).click()
      await check(`panel-${i + 1}-tab-${j + 1}`)
    }
  }

  await page.getByRole('button', { name: X('convening.', 'Invite') }).click()
  await check('invite')
  await page.keyboard.press('Escape')

  // Home's dialog, and a cohort with each of its tabs.
  await page.goto('/')
  await page.getByRole('button', { name: X('home.network.title', '') }).click()
  await check('connection-settings')
  await page.keyboard.press('Escape')
  await page.locator('details.start-cohort summary').click()
  const cohortForm = page.getByRole('form', { name: X('cohort.create.heading', '') })
  await cohortForm.getByLabel(X('cohort.create.title', '')).fill('Ομάδα')
  await cohortForm.getByLabel(X('home.person.name', '')).fill('Άννα')
  await cohortForm.getByRole('button', { name: X('cohort.create.submit', '') }).click()
  const cohortNav = page.getByRole('navigation', { name: X('cohort.nav.label', '') })
  const cohortTabs = cohortNav.getByRole('button')
  await expect(cohortTabs.first()).toBeVisible()
  const cohortCount = await cohortTabs.count()
  expect(cohortCount).toBeGreaterThan(3)
  for (let i = 0; i < cohortCount; i++) {
    await cohortTabs.nth(i).click()
    await expect(cohortTabs.nth(i)).toHaveAttribute('aria-current', /.+/)
    await check(`cohort-tab-${i + 1}`)
  }
  await xa.close()
  expect(escaped, 'text that did not come through a message').toEqual([])
})
