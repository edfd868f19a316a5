/**
 * The proxy's request checks, as pure functions of the request: Host (DNS rebinding) and CSRF.
 * A web page the user visits can send requests to 127.0.0.1; these checks make them useless.
 */
import type { ProxySettings } from './settings';

/** The Host the request was sent to (the Host header; the URL's host for in-process requests). */
export function requestHost(req: Request): string {
  return (req.headers.get('host') ?? new URL(req.url).host).toLowerCase();
}

export function isHostAllowed(host: string, settings: ProxySettings): boolean {
  return settings.allowedHosts.some((h) => h.toLowerCase() === host);
}

/**
 * Why a mutating request must be refused as cross-site, or null when it may pass:
 * it must carry the app header (`X-Glance-Lineage: 1`), and an Origin, when present, must be the
 * request's own origin (`http://<host>`). A missing Origin is fine with the header (CLI, curl): browsers
 * always send Origin on cross-site POST/PUT/PATCH/DELETE, and cannot add a custom header cross-site
 * without a CORS preflight, which this proxy never grants.
 */
export function csrfRefusal(req: Request, settings: ProxySettings): string | null {
  const origin = req.headers.get('origin');
  if (origin !== null) {
    const forwarded = settings.trustProxy
      ? req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
      : undefined;
    const scheme =
      forwarded === 'https' || forwarded === 'http' ? `${forwarded}:` : new URL(req.url).protocol;
    const own = `${scheme}//${requestHost(req)}`;
    if (origin.toLowerCase() !== own) return `Cross-site request refused: Origin ${origin} is not ${own}.`;
  }
  if (req.headers.get(settings.appHeader) !== '1')
    return `Mutating requests must carry the header ${settings.appHeader}: 1.`;
  return null;
}
