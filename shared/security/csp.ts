// The one Content-Security-Policy of the renderer, wherever it is served from:
// the desktop window (response header + meta tag) and the browser twin's web host.
//
// - scripts and styles only from the app's own files: no inline script, no eval;
//   React sets style attributes through the CSSOM, which CSP does not govern.
// - connect-src allows ws:/wss: because the signaling server is chosen by the
//   facilitator (LAN host, standalone server); WebRTC itself is not governed by CSP.
const directives: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'media-src': "'self' data: blob:",
  'connect-src': "'self' ws: wss:",
  'worker-src': "'self' blob:",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
}

function serialise(entries: Record<string, string>): string {
  return Object.entries(entries)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ')
}

/** For a <meta http-equiv> tag (frame-ancestors is ignored there, so it is left out). */
export const CONTENT_SECURITY_POLICY_META = serialise(directives)

/** For an HTTP response header. */
export const CONTENT_SECURITY_POLICY = serialise({ ...directives, 'frame-ancestors': "'none'" })
