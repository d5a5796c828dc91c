/** Sync state that belongs to one source and one target: watermarks, presence lists and their origins. */
package io.twinsync.orchestrator.state;
