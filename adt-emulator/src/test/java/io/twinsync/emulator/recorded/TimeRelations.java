package io.twinsync.emulator.recorded;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Times are compared by relation, not value: each emulator time must stand to the earlier times of its kind as
 * the recorded one does (equal where the recording shows the same instant, not earlier where it shows a later
 * one). Kinds are kept apart because the service stamps them from different clocks: {@code uploadTime} of models,
 * {@code lastUpdateTime} of twins and properties, {@code sourceTime}.
 */
final class TimeRelations {

    private static final Pattern ISO_8601 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?");

    private record Pair(Instant recorded, Instant actual) {}

    private final Map<String, List<Pair>> pairs = new HashMap<>();

    static boolean looksLikeTime(String text) {
        return ISO_8601.matcher(text).matches();
    }

    static Optional<Instant> parse(String text) {
        if (!looksLikeTime(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /**
     * Adds a pair of times of one kind and returns what breaks the relation with the earlier pairs, if anything.
     */
    Optional<String> add(String kind, Instant recorded, Instant actual) {
        List<Pair> earlier = pairs.computeIfAbsent(kind.replace("$", ""), k -> new ArrayList<>());
        Optional<String> broken = Optional.empty();
        for (Pair pair : earlier) {
            int recordedOrder = recorded.compareTo(pair.recorded());
            int actualOrder = actual.compareTo(pair.actual());
            if (recordedOrder == 0 && actualOrder != 0) {
                broken = Optional.of("equal to the earlier " + pair.recorded() + " (emulator " + pair.actual() + ")");
            } else if (recordedOrder > 0 && actualOrder < 0) {
                broken = Optional.of("after the earlier " + pair.recorded() + " (emulator " + pair.actual() + ")");
            } else if (recordedOrder < 0 && actualOrder > 0) {
                broken = Optional.of("before the earlier " + pair.recorded() + " (emulator " + pair.actual() + ")");
            }
            if (broken.isPresent()) {
                break;
            }
        }
        earlier.add(new Pair(recorded, actual));
        return broken;
    }
}
