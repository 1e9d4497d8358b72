// The diagrams studio: causal loop diagrams (with their loops), iceberg boards and
// behaviour-over-time graphs, drawn together live.
export { DiagramPanel } from './DiagramPanel'
