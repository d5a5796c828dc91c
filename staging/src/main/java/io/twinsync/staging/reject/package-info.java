/** Rejects: rows or files a stage set aside, each with what was wrong, in {@code rejects/{stage}.ndjson}. */
package io.twinsync.staging.reject;
