// Causal loop diagrams: the model, loop analysis with stable loop ids, the document
// helpers, archetypes, the connection-circle layout, and Mermaid / SVG export.
export * from './model'
export { loopIdFromLinks, loopPolarity, canonicalRotation } from './loopId'
export {
  DEFAULT_MAX_LENGTH,
  DEFAULT_MAX_LOOPS,
  byLengthThenId,
  createLoopAnalyzer,
  findLoops,
  structureKey,
  type LoopAnalysis,
  type LoopOptions,
} from './loops'
export {
  addLink,
  addVariable,
  createDiagram,
  deleteDiagram,
  deleteItems,
  deleteLink,
  deleteVariable,
  diagramParts,
  diagramsMap,
  findLink,
  listDiagrams,
  moveVariable,
  moveVariables,
  readDiagram,
  renameDiagram,
  renameVariable,
  setLinkCurve,
  setLinkDelay,
  setLinkPolarity,
  setLoopName,
  setVariableNote,
  updateLink,
  type DiagramError,
  type DiagramErrorCode,
  type DiagramParts,
  type DiagramResult,
  type LinkPatch,
  type NewLink,
  type NewVariable,
} from './doc'
export { FragmentSchema, insertArchetype, pasteFragment, type Fragment, type PasteOutcome } from './paste'
export { ARCHETYPES, ArchetypeSchema, getArchetype, parseArchetypes, type Archetype } from './archetypes'
export { connectionCircleLayout, countCrossings, loopMarkerPosition, type CircleLayoutOptions, type Point } from './layout'
export { loopNumbers, loopSummaries, mermaidText, toMermaid, type MermaidOptions } from './mermaid'
export { escapeXml, toSvg, variableBox, type SvgOptions, type VariableBox } from './svg'
