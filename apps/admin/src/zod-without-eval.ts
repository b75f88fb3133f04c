// The admin's Content-Security-Policy forbids eval. Zod would probe for it (`new Function`) to compile faster
// parsers, and the browser reports the probe as a violation even though zod catches it. main.tsx imports this
// module first, because zod decides when a schema is created — at import time for the domain's schemas.
import { z } from 'zod';

z.config({ jitless: true });
