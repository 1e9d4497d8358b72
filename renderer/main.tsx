import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import './ui/styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('Convene: the page has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
