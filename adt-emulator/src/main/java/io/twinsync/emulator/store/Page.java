package io.twinsync.emulator.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param continuationToken opaque; pass it back to get the next page; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> continuationToken) {
    public Page {
        items = List.copyOf(items);
    }
}
