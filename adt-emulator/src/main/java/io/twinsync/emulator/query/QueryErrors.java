package io.twinsync.emulator.query;

import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;

/** The 400 {@code SqlQueryError} answers, each naming the construct or the place (1-based position) at fault. */
final class QueryErrors {

    private QueryErrors() {}

    static AdtException syntax(Token at, String expected) {
        return new AdtException(
                AdtError.SQL_QUERY_ERROR,
                "Syntax error at position " + (at.position() + 1) + " near " + at.describe() + ": expected "
                        + expected);
    }

    static AdtException unsupported(Token at, String construct) {
        return unsupported(at.position(), construct);
    }

    static AdtException unsupported(int position, String construct) {
        return new AdtException(
                AdtError.SQL_QUERY_ERROR,
                "Unsupported query construct at position " + (position + 1) + ": " + construct
                        + ". The ADT emulator refuses what it cannot answer exactly like ADT; see the query section of"
                        + " adt-emulator/README.md for the supported subset");
    }

    static AdtException invalid(int position, String problem) {
        return new AdtException(
                AdtError.SQL_QUERY_ERROR, "Invalid query at position " + (position + 1) + ": " + problem);
    }

    static AdtException invalid(String problem) {
        return new AdtException(AdtError.SQL_QUERY_ERROR, "Invalid query: " + problem);
    }
}
