import type { Express } from 'express';

/** A route as the app serves it: "GET /api/leaders/:leaderId/summary". */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} ${string}`;

interface Layer {
  rawPath?: string;
  route?: { path: string | RegExp; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/**
 * Every method and path the app routes, read from express's own router (mounted routers
 * included), so that a route added without an entry in the access table cannot go unnoticed.
 */
export function listRoutes(app: Express): RouteKey[] {
  const found = new Set<RouteKey>();
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = typeof layer.route.path === 'string' ? `${prefix}${layer.route.path}` : `${prefix}${String(layer.route.path)}`;
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') found.add(`${method.toUpperCase()} ${path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1')}` as RouteKey);
        }
      } else if (layer.handle.stack) {
        walk(layer.handle.stack, `${prefix}${layer.rawPath ?? ''}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...found].sort();
}
