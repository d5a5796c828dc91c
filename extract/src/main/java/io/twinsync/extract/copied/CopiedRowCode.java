package io.twinsync.extract.copied;

/** Why a line of copied rows was set aside: the {@code code} of its reject in {@code rejects/extract.ndjson}. */
enum CopiedRowCode {
    /** The line is not a JSON object. */
    UNREADABLE_LINE,
    /** A key column is missing or null: the row cannot be named, let alone become a twin. */
    MISSING_KEY,
    /** A value is not of its column's type. */
    UNCONVERTIBLE_VALUE
}
