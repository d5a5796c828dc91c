/**
 * Twin files: the contract between transform and the twin writer.
 *
 * <p>{@code twins/{hh}/{file}.json} holds one twin as one compact JSON object: {@code {"format":"twinsync.twin/1", "twinId", "entity", "sourceKey",
 * "tombstone", "twin", "relationships", "removals", "contentHash"}}, plus {@code "wholeValues"} when there are
 * any: JSON Pointers of Object and Map values the source gives whole (from one JSON-text column or expression), which
 * the writer sets as a whole so that keys the source dropped go, where it patches other objects leaf by leaf; and
 * {@code "ownedRelationships"} when there are any: relationship names the file lists in full (the mapping's
 * {@code stale: remove}), so the writer removes the twin's outgoing relationships of those names that the file does
 * not list. {@code twin} is the ADT twin document as it would be
 * PUT ({@code $dtId}, {@code $metadata.$model}, properties; components and Object and Map values as nested objects,
 * each component with its own {@code $metadata}); {@code relationships} are the twin's outgoing relationships as ADT
 * relationship documents ({@code $relationshipId}, {@code $targetId}, {@code $relationshipName}, properties);
 * {@code removals} lists JSON Pointers (RFC 6901) to the values the source set to null where the mapping says null
 * removes, such as {@code /ratedPowerKw}, {@code /nameplate/serialNumber} or {@code /attributes/color} ({@code ~} is
 * written {@code ~0} and {@code /} is written {@code ~1} inside a name; files written before removals were pointers
 * hold plain top-level names, which readers take as {@code /name}); {@code contentHash} is the SHA-256 of the canonical
 * form of the other content fields, so a writer can tell an unchanged twin without reading ADT. File names and
 * their sub-folder {@code hh} (the first two hex digits of the name's hash, so that a folder holds a few thousand
 * files even for millions of twins) come from {@link io.twinsync.staging.twin.TwinFileNames}. Transform writes the
 * whole {@code twins/} folder at once (see {@link io.twinsync.staging.StagedFolder}).
 */
package io.twinsync.staging.twin;
