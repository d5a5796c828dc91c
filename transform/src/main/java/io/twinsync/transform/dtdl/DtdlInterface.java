package io.twinsync.transform.dtdl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One DTDL interface: what it declares itself (inherited contents are resolved by {@link DtdlModels}).
 *
 * @param extendsIds the interfaces it extends, in declaration order
 * @param properties its own properties by name, in declaration order
 * @param relationships its own relationships by name
 * @param otherContents the names of its other contents (Telemetry, Command, Component) and their type, for messages
 * @param components its own components: name to the {@code @id} of the component's interface
 * @param source where the interface was read from, for messages
 * @param document the interface as written; never handed out without copying
 */
record DtdlInterface(
        String id,
        List<String> extendsIds,
        Map<String, DtdlProperty> properties,
        Map<String, DtdlRelationship> relationships,
        Map<String, String> otherContents,
        Map<String, String> components,
        String source,
        ObjectNode document) {

    DtdlInterface {
        extendsIds = List.copyOf(extendsIds);
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** The interfaces its components use. */
    List<String> componentSchemas() {
        return List.copyOf(components.values());
    }
}
