export { ClimatePanel } from './ClimatePanel'
