package io.twinsync.emulator.query;

import java.util.List;
import java.util.Optional;

/**
 * A parsed query as written: {@code SELECT <selection> FROM <source> [JOIN ...]* [WHERE <condition>]}. Names are not
 * resolved yet; {@link QueryValidator} checks them and the service's rules.
 *
 * @param text the query text, kept for continuation tokens
 */
record Query(String text, Selection selection, Source source, List<Join> joins, Optional<Condition> where) {

    Query {
        joins = List.copyOf(joins);
    }

    /** {@code FROM DIGITALTWINS [alias]} or {@code FROM RELATIONSHIPS [alias]}. */
    record Source(Collection collection, Optional<String> alias) {}

    enum Collection {
        DIGITALTWINS,
        RELATIONSHIPS
    }

    /**
     * {@code JOIN <target> RELATED <source>.<relationshipName> [<relationshipAlias>]}.
     *
     * @param position where the JOIN keyword starts
     */
    record Join(
            String target, String source, String relationshipName, Optional<String> relationshipAlias, int position) {}
}
