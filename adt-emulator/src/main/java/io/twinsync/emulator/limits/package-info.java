/** ADT's per-second request rate limits: API classes, their settings and the filter that answers 429. */
package io.twinsync.emulator.limits;
