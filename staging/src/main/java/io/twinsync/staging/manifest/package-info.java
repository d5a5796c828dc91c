/** The batch manifest: what each stage of a batch did, with its counts, written as {@code manifest.json}. */
package io.twinsync.staging.manifest;
