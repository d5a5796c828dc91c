package io.twinsync.writer.apply;

/** Identifies a relationship: the twin it starts from and its id. */
public record RelationshipRef(String sourceId, String relationshipId) {}
