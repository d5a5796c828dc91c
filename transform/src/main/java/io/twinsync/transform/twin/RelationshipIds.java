package io.twinsync.transform.twin;

import io.twinsync.staging.json.ContentHash;
import io.twinsync.transform.validate.TwinIdRules;

/**
 * Default relationship ids: {@code {name}-{targetId}}, such as {@code installedOn-line-RTM-L01}. Deterministic, so a
 * re-run finds the relationship it created before; unique per source twin as long as each (name, target) pair is.
 * An id over the length limit is cut and ends with a hash of the whole, so it stays unique and valid.
 */
final class RelationshipIds {

    private static final int HASH_CHARS = 16;

    private RelationshipIds() {}

    /** The default id; {@code targetId} must already be a valid id. */
    static String defaultId(String name, String targetId) {
        String id = name + "-" + targetId;
        if (id.length() <= TwinIdRules.MAX_LENGTH) {
            return id;
        }
        int cut = TwinIdRules.MAX_LENGTH - HASH_CHARS - 1;
        if (Character.isHighSurrogate(id.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        return id.substring(0, cut) + "-" + ContentHash.shortHex(id, HASH_CHARS);
    }
}
