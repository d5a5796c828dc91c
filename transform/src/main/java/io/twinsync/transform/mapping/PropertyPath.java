package io.twinsync.transform.mapping;

import io.twinsync.staging.twin.TwinPointers;
import java.util.List;
import java.util.Objects;

/**
 * Where a mapped value goes in a twin: a property name, optionally followed by the parts inside it, written with dots
 * in the mapping ({@code location.latitude}, {@code nameplate.serialNumber}, {@code attributes.color}). The first
 * segment names a property or a component of the model; later segments name a component's property, an Object's
 * field or a Map's key.
 *
 * @param segments the names, outermost first; never empty, none empty
 */
public record PropertyPath(List<String> segments) {

    public PropertyPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(
                    "A property path needs names between its dots, such as location.latitude");
        }
    }

    /**
     * Reads a dotted path.
     *
     * @throws IllegalArgumentException when a segment is empty ({@code a..b}, {@code .a}, {@code a.})
     */
    public static PropertyPath parse(String text) {
        Objects.requireNonNull(text, "text");
        return new PropertyPath(List.of(text.split("\\.", -1)));
    }

    /** The path as the mapping writes it, such as {@code location.latitude}. */
    public String text() {
        return String.join(".", segments);
    }

    /** The JSON Pointer (RFC 6901) to the value in the twin document, such as {@code /location/latitude}. */
    public String pointer() {
        return TwinPointers.of(segments);
    }

    /** True when this path is {@code other} or lies inside it ({@code location.latitude} within {@code location}). */
    public boolean within(PropertyPath other) {
        return segments.size() >= other.segments.size()
                && segments.subList(0, other.segments.size()).equals(other.segments);
    }

    @Override
    public String toString() {
        return text();
    }
}
