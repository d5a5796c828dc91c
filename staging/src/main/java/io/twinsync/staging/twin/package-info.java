/**
 * Twin files: the contract between transform and the twin writer.
 *
 * <p>{@code twins/{hh}/{file}.json} holds one twin as one compact JSON object: {@code {"format":"twinsync.twin/1", "twinId", "entity", "sourceKey",
 * "tombstone", "twin", "relationships", "removals", "contentHash"}}. {@code twin} is the ADT twin document as it would be
 * PUT ({@code $dtId}, {@code $metadata.$model}, properties); {@code relationships} are the twin's outgoing
 * relationships as ADT relationship documents ({@code $relationshipId}, {@code $targetId}, {@code $relationshipName},
 * properties); {@code removals} lists top-level property names the source set to null where the mapping says null
 * removes; {@code contentHash} is the SHA-256 of the canonical form of the other content fields, so a writer can tell
 * an unchanged twin without reading ADT. File names and their sub-folder {@code hh} (the first two hex digits of the
 * name's hash, so that a folder holds a few thousand files even for millions of twins) come from
 * {@link io.twinsync.staging.twin.TwinFileNames}. Transform writes the whole {@code twins/} folder at once (see
 * {@link io.twinsync.staging.StagedFolder}).
 */
package io.twinsync.staging.twin;
