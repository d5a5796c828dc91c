/** The ERP database twinsync reads: the user's, or the embedded sample ERP. */
package io.twinsync.orchestrator.source;
