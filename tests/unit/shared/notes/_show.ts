import { writeFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { collectHarvest, harvestToHtml } from '../../../../shared/notes'
import { sampleConvening } from './sample'
const h = collectHarvest(sampleConvening().doc, { now: Date.UTC(2026, 2, 14, 16) })
writeFileSync('/tmp/sample.html', harvestToHtml(h))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } })
await page.goto('file:///tmp/sample.html')
await page.screenshot({ path: 'tests/e2e/screenshots/harvest-html-page.png', fullPage: true })
await page.emulateMedia({ media: 'print' })
await page.screenshot({ path: 'tests/e2e/screenshots/harvest-html-print.png', fullPage: false })
await browser.close()
