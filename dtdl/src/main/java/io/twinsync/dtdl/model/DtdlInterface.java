package io.twinsync.dtdl.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One DTDL interface with what it declares itself; what it inherits through {@code extends} is resolved by
 * {@link io.twinsync.dtdl.ModelSet}.
 *
 * @param source where it was read from, for messages
 * @param topLevel true when it is a document of its own; false when it is written inline in another interface's
 *     {@code extends} or component {@code schema} (it is uploaded as part of that document)
 * @param coTypes co-types of the interface itself, such as {@code Mqtt}
 * @param contents its own contents by name, in declaration order
 * @param document the interface as written; never handed out without copying
 */
public record DtdlInterface(
        String id,
        DtdlVersion version,
        String source,
        boolean topLevel,
        LocalizedText displayName,
        LocalizedText description,
        String comment,
        List<String> coTypes,
        List<String> extendsIds,
        Map<String, DtdlContent> contents,
        ObjectNode document) {

    public DtdlInterface {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        coTypes = List.copyOf(coTypes);
        extendsIds = List.copyOf(extendsIds);
        contents = Collections.unmodifiableMap(new LinkedHashMap<>(contents));
    }

    /** A copy of the interface as written. */
    public ObjectNode documentCopy() {
        return document.deepCopy();
    }

    /** Its own contents of one kind, by name. */
    public <T extends DtdlContent> Map<String, T> contents(Class<T> kind) {
        Map<String, T> found = new LinkedHashMap<>();
        contents.forEach((name, content) -> {
            if (kind.isInstance(content)) {
                found.put(name, kind.cast(content));
            }
        });
        return Collections.unmodifiableMap(found);
    }
}
