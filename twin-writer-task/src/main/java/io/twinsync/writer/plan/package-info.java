/** Diffs a twin or relationship as the source wants it against ADT's copy into the fewest JSON Patch operations. */
package io.twinsync.writer.plan;
