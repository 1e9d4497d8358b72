import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import './ui/styles.css'

// y-webrtc decrypts every signaling message of the room; one sealed with another
// secret (someone with a wrong or stale invite) fails to decrypt and is dropped. It
// surfaces as an unhandled OperationError from WebCrypto: that is the door holding,
// not a fault, so it is not reported as one.
window.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason
  if (reason instanceof DOMException && reason.name === 'OperationError') event.preventDefault()
})

const root = document.getElementById('root')
if (!root) throw new Error('Convene: the page has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
