package io.twinsync.emulator.http;

/**
 * Items per page of a listing whose client sends no {@code max-items-per-page}.
 *
 * @param relationships outgoing and incoming relationship listings
 * @param others model, import-job and other listings (queries have their own limit)
 */
public record DefaultPageSizes(int relationships, int others) {

    /**
     * The service's sizes where they are known. Relationship listings: 10 per page, as the Azure SDK for Java's
     * recorded sessions of the real service show (21 relationships come back in pages of 10, 10 and 1, outgoing
     * and incoming alike). Other listings: not documented and not recorded; 100 is a choice.
     */
    public static final DefaultPageSizes SERVICE = new DefaultPageSizes(10, 100);

    public DefaultPageSizes {
        if (relationships < 1 || others < 1) {
            throw new IllegalArgumentException(
                    "page sizes must be at least 1, not " + relationships + " and " + others);
        }
    }

    /** The same size for every listing, to make paging visible in tests with a few items. */
    public static DefaultPageSizes uniform(int size) {
        return new DefaultPageSizes(size, size);
    }
}
