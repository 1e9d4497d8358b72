export { HarvestPanel } from './HarvestPanel'
export { OpenArchive } from './OpenArchive'
