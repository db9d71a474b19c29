/**
 * One Content-Security-Policy for every way the renderer is served (Electron's app:// protocol, the web shell,
 * the Vite dev server), so a page that works in development cannot depend on something production forbids.
 * Development only adds what Vite's dev server needs: injected <style> tags and its HMR websocket.
 */
export function contentSecurityPolicy(dev?: { readonly devServerOrigin: string }): string {
  const directives: Record<string, string> = {
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': dev ? "'self' 'unsafe-inline'" : "'self'",
    'img-src': "'self' data:",
    'font-src': "'self'",
    'connect-src': dev ? `'self' ${dev.devServerOrigin.replace(/^http/, 'ws')}` : "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
