/**
 * SECURITY: the server's CSP forbids eval; zod probes for it (`Function('')`) the first time it parses an
 * object, which the browser reports as a violation. Jitless mode skips the probe. Imported first by main.tsx,
 * before any module that might parse at load time.
 */
import { config } from 'zod';

config({ jitless: true });
