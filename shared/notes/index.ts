// The harvest: a convening as notes people keep (Markdown with images, one HTML page),
// the shared notes' formatting, and the action items.
export type { Block, HarvestContext, HarvestFile, HarvestSection, ListItem, SectionContent, Span, TaskItem, Text } from './blocks'
export {
  collectHarvest,
  harvestFolder,
  harvestFrontMatter,
  harvestName,
  harvestToHtml,
  harvestToMarkdown,
  normaliseTag,
  type FolderFile,
  type Harvest,
  type HarvestOptions,
  type HarvestPart,
  type HarvestProgress,
} from './harvest'
export { HARVEST_SECTIONS, JournalEntrySchema, journalSection, parseJournal, titled, type JournalNote, type PromptLookup } from './sections'
export { sectionTitle } from './language'
export { actionsSection } from './sections/actions'
export { climateSection } from './sections/climate'
export { conversationSection } from './sections/conversation'
export { diagramsSection } from './sections/diagrams'
export { peopleSection } from './sections/people'
export { sharedNotesSection } from './sections/sharedNotes'
export { blockToMarkdown, escapeInline, proseToMarkdown, spansToMarkdown } from './markdown'
export { LOCAL_TIME_SCRIPT, PAGE_POLICY, PAGE_STYLE, base64, blockToHtml, dataUri, escapeHtml, localTimeScript, localTimeScriptSource, proseToHtml, textToHtml } from './html'
export { inlineText, isSafeHref, parseInline, parseProse, type ProseBlock, type ProseInline, type ProseList, type ProseListItem } from './prose'
export { frontMatter, isPlainSafe, plain, quoteYaml, type YamlValue } from './yaml'
export { clockTime, dateTime, isValidTimeZone, isoDate, longDate, longIsoDate, momentSpan, zoneLabel, type DateLanguage } from './dates'
export { chartFile, lineChartSvg, niceTicks, type ChartSeries, type LineChart } from './chart'
export {
  ACTION_LIMITS,
  ACTION_MESSAGES,
  ActionInputSchema,
  actionEntry,
  actionIds,
  actionsArray,
  addAction,
  ownerFromInput,
  ownerLabel,
  readAction,
  readActions,
  removeAction,
  updateAction,
  type ActionInput,
  type ActionItem,
  type ActionResult,
} from './actions'
export { applyNoteFormat, continueList, type InlineFormat, type LineFormat, type NoteFormat, type TextSelection } from './format'
