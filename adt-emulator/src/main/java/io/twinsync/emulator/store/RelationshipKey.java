package io.twinsync.emulator.store;

import java.util.Comparator;

/** Identifies a relationship globally; ordered so that incoming-relationship pages are stable. */
record RelationshipKey(String sourceId, String relationshipId) implements Comparable<RelationshipKey> {

    private static final Comparator<RelationshipKey> ORDER =
            Comparator.comparing(RelationshipKey::sourceId).thenComparing(RelationshipKey::relationshipId);

    @Override
    public int compareTo(RelationshipKey other) {
        return ORDER.compare(this, other);
    }
}
