import type { RequestHandler } from 'express';
import helmet, { strictTransportSecurity } from 'helmet';

/**
 * The policy of every response (API, web app, errors). Everything the app loads is its own: no
 * inline script or style, no eval, and Trusted Types forbid writing HTML from a string, so a title
 * that reached innerHTML would throw instead of running. chart.js draws through canvas and CSSOM,
 * which this allows.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** Powerful browser features the app never uses, switched off for it and anything it could embed. */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/**
 * helmet with its defaults made strict where ours differ: our own CSP, frames denied twice (CSP and
 * the older X-Frame-Options), no referrer at all, same-origin opener and resource policies.
 * HSTS only when the app is reached over HTTPS (or the operator says a TLS proxy fronts it): sent
 * over plain HTTP on a LAN address it would pin a browser to an HTTPS the server does not speak.
 */
export function securityHeaders({ secure }: { secure: boolean }): RequestHandler {
  const base = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  // One year; not includeSubDomains: other hosts of the operator's domain are not ours to pin.
  const hsts = strictTransportSecurity({ maxAge: 31_536_000, includeSubDomains: false });
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    base(req, res, () => (secure || req.secure ? hsts(req, res, next) : next()));
  };
}
