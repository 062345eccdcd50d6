import { z } from 'zod';

// The shared schemas run in the page under a CSP without 'unsafe-eval' and with Trusted Types.
// zod would probe `new Function` on building its first object schema; the probe fails quietly but
// the browser reports a CSP violation. Without eval zod validates just the same, only slower on
// large objects. main.ts imports this first, before any module that builds a schema.
z.config({ jitless: true });
