package io.twinsync.writer.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.writer.retry.Attempts;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The queries a full compare and a drift check send: every twin of one model, exactly (not the models that extend
 * it, which the mapping does not own), and every relationship of one name. Each is read page after page, 1,000 items
 * a page, so reading the graph costs a request per 1,000 twins rather than one per twin.
 */
public final class GraphQueries {

    // DTMIs and DTDL names are letters, digits, ':', ';', '_' (DTDL v3 spec): nothing that could end a string literal.
    private static final Pattern DTMI = Pattern.compile("dtmi:[A-Za-z0-9_:]+;[0-9]+(\\.[0-9]+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,511}");

    private GraphQueries() {}

    /** {@code SELECT *} of the twins of exactly {@code model}. */
    public static String twinsOf(String model) {
        return "SELECT * FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, '" + checked(model, DTMI, "model id") + "', exact)";
    }

    /** Only {@code $dtId} and {@code $etag} of the twins of exactly {@code model}: the cheapest drift check. */
    public static String etagsOf(String model) {
        return "SELECT T.$dtId, T.$etag FROM DIGITALTWINS T WHERE IS_OF_MODEL(T, '" + checked(model, DTMI, "model id")
                + "', exact)";
    }

    /** {@code SELECT *} of the relationships called {@code name}. */
    public static String relationshipsNamed(String name) {
        return "SELECT * FROM RELATIONSHIPS R WHERE R.$relationshipName = '" + checked(name, NAME, "relationship name")
                + "'";
    }

    /**
     * Streams every result of {@code query} to {@code each}, page by page.
     *
     * @return the pages read (requests, before retries) and the query units they were charged
     */
    public static Cost readAll(AdtGateway adt, String query, Consumer<ObjectNode> each) {
        int pages = 0;
        double charge = 0;
        String token = null;
        do {
            AdtGateway.QueryPage page = adt.queryPage(query, token, new Attempts());
            pages++;
            charge += page.charge();
            page.items().forEach(each);
            token = page.continuationToken();
        } while (token != null);
        return new Cost(pages, charge);
    }

    /** What reading a query cost: pages (requests) and query units. */
    public record Cost(int pages, double queryUnits) {

        public static final Cost NONE = new Cost(0, 0);

        public Cost plus(Cost other) {
            return new Cost(pages + other.pages, queryUnits + other.queryUnits);
        }
    }

    private static String checked(String value, Pattern pattern, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a " + what + " a query can name");
        }
        return value;
    }
}
