package io.twinsync.writer.limit;

/**
 * What a request is, for the limiter and for messages: its {@link ApiClass}, the twin it writes (for a relationship,
 * its source twin; null for reads, queries and models), and a description such as {@code PATCH twin pump-7}.
 */
public record RequestKind(ApiClass apiClass, String twinId, String what) {

    public static RequestKind read(String what) {
        return new RequestKind(ApiClass.READS, null, what);
    }

    public static RequestKind create(String twinId, String what) {
        return new RequestKind(ApiClass.CREATES_DELETES, twinId, what);
    }

    public static RequestKind delete(String twinId, String what) {
        return new RequestKind(ApiClass.CREATES_DELETES, twinId, what);
    }

    public static RequestKind patch(String twinId, String what) {
        return new RequestKind(ApiClass.PATCHES, twinId, what);
    }

    public static RequestKind query(String what) {
        return new RequestKind(ApiClass.QUERIES, null, what);
    }

    public static RequestKind models(String what) {
        return new RequestKind(ApiClass.MODELS, null, what);
    }

    @Override
    public String toString() {
        return what;
    }
}
