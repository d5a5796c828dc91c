/** Local models (the mapping's, or files a user names) against the target's: listing, checking and uploading. */
package io.twinsync.orchestrator.models;
