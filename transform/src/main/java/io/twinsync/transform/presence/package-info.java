/**
 * Which twins each entity produced in the last committed batch, so that a full read can tell which rows are gone
 * (mapping {@code deleted.missing: true}).
 *
 * <p>Transform writes the batch's list as pending, {@code present/{entity}.ndjson} in the batch; once the batch has
 * been written without failures, {@link io.twinsync.transform.presence.PresenceStore#commit} copies it into the
 * staging state ({@code transform/present/{entity}.ndjson}), where the next batch's transform reads it. A batch that
 * fails therefore leaves the committed list as it was, and the next batch deletes again what it could not. One
 * compact JSON object per line: {@code {"twinId": "asset-1", "sourceKey": {"EquipmentId": 1}}}. A link entity's list
 * holds the relationship each of its rows gives, from the source twin {@code twinId}: {@code {"twinId": "asset-1",
 * "sourceKey": {"asset_id": 1, "tag_id": 2}, "relationship": {"$relationshipId": ..., ...}}}; an incremental read
 * of the link entity is merged with it.
 */
package io.twinsync.transform.presence;
