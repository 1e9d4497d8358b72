export { ConveningScreen } from './ConveningScreen'
