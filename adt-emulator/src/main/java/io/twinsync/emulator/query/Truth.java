package io.twinsync.emulator.query;

/**
 * Three-valued logic as in Cosmos DB, whose query engine ADT's language mirrors: a comparison with an absent property
 * or across types is {@code UNDEFINED}, {@code NOT UNDEFINED} stays {@code UNDEFINED}, and only {@code TRUE} selects
 * a row.
 */
enum Truth {
    TRUE,
    FALSE,
    UNDEFINED;

    static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNDEFINED;
    }

    Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNDEFINED;
    }

    Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNDEFINED -> UNDEFINED;
        };
    }
}
