/**
 * Twin files: the contract between transform and the twin writer.
 *
 * <p>{@code twins/{file}.json} holds one twin: {@code {"format":"twinsync.twin/1", "twinId", "entity", "sourceKey",
 * "tombstone", "twin", "relationships", "removals", "contentHash"}}. {@code twin} is the ADT twin document as it would be
 * PUT ({@code $dtId}, {@code $metadata.$model}, properties); {@code relationships} are the twin's outgoing
 * relationships as ADT relationship documents ({@code $relationshipId}, {@code $targetId}, {@code $relationshipName},
 * properties); {@code removals} lists top-level property names the source set to null where the mapping says null
 * removes; {@code contentHash} is the SHA-256 of the canonical form of the other content fields, so a writer can tell
 * an unchanged twin without reading ADT. File names come from {@link io.twinsync.staging.twin.TwinFileNames}.
 */
package io.twinsync.staging.twin;
