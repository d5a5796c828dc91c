package io.twinsync.transform.twin;

/**
 * Why transform set a row aside. The names are stable: reports, alerts and people search for them. Mapping errors
 * are not here: they stop the whole transform before any row is read (see
 * {@link io.twinsync.transform.mapping.MappingException}).
 */
public enum RejectCode {
    /** A column of the twin id template (or of a relationship id template) is NULL. */
    MISSING_ID_VALUE,
    /** The twin id the template produced breaks the id rules ({@link io.twinsync.transform.validate.TwinIdRules}). */
    INVALID_TWIN_ID,
    /** A relationship's target id breaks the id rules. */
    INVALID_TARGET_ID,
    /** A relationship id from an explicit id template breaks the id rules. */
    INVALID_RELATIONSHIP_ID,
    /** A value does not fit its property's schema (a fraction for an integer, an unknown enum value, ...). */
    UNCONVERTIBLE_VALUE,
    /** A property's expression failed for the row (arithmetic on NULL, a missing method, ...). */
    EXPRESSION_FAILED,
    /** A string property value is over ADT's 4 KB (UTF-8). */
    STRING_TOO_LONG,
    /** The twin document is over ADT's 32 KB. */
    TWIN_TOO_LARGE,
    /** A relationship document is over ADT's 32 KB. */
    RELATIONSHIP_TOO_LARGE,
    /** An earlier row (of this or another entity) already produced this twin id; the first one is kept. */
    DUPLICATE_TWIN_ID,
    /** Two relationships of one twin got the same relationship id. */
    DUPLICATE_RELATIONSHIP_ID,
    /**
     * A link entity's row gives a relationship from a twin that its source entity wrote no twin file for in the batch
     * (no row gave that id, or its row was rejected), so there is no file to carry the relationship.
     */
    SOURCE_TWIN_NOT_WRITTEN,
    /**
     * More of an entity's twins are missing from a full read than {@code deleted.missingLimit} allows, so none of them
     * was deleted (one reject for the entity, not per row).
     */
    TOO_MANY_MISSING_ROWS
}
