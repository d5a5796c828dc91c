package io.twinsync.dtdl;

import static io.twinsync.dtdl.ElementKind.COMMAND;
import static io.twinsync.dtdl.ElementKind.COMMAND_REQUEST;
import static io.twinsync.dtdl.ElementKind.COMMAND_RESPONSE;
import static io.twinsync.dtdl.ElementKind.ENUM_VALUE;
import static io.twinsync.dtdl.ElementKind.FIELD;
import static io.twinsync.dtdl.ElementKind.INTERFACE;
import static io.twinsync.dtdl.ElementKind.MAP_VALUE;
import static io.twinsync.dtdl.ElementKind.PROPERTY;
import static io.twinsync.dtdl.ElementKind.TELEMETRY;

import io.twinsync.dtdl.Slot.SlotType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A DTDL language extension a model may name in {@code @context}: its terms and the co-types it defines. These are the
 * feature extensions the DTDL v3 specification lists as usable with v3 ("Language extensions"); their charts are in
 * DTDL/v3/DTDL.{quantitativeTypes,historization,annotation,overriding,mqtt}.v1.md and the v2 revisions under DTDL/v4.
 * A context DTMI not listed here is an undefined extension (see {@link DtdlReadOptions}).
 */
record Extension(String context, Vocabulary vocabulary, Map<String, AdjunctType> adjunctTypes) {

    private static final Map<String, Extension> KNOWN = new LinkedHashMap<>();

    static {
        Map<String, AdjunctType> quantitative = new LinkedHashMap<>();
        for (String type : SemanticTypes.QUANTITATIVE_TYPES_V1.semanticTypes()) {
            quantitative.put(
                    type,
                    AdjunctType.semantic(
                            type,
                            Set.of(COMMAND_REQUEST, COMMAND_RESPONSE, FIELD, MAP_VALUE, PROPERTY, TELEMETRY),
                            SemanticTypes.QUANTITATIVE_TYPES_V1));
        }
        register("dtmi:dtdl:extension:quantitativeTypes;1", "quantitativeTypes.v1", quantitative);
        for (int version = 1; version <= 2; version++) {
            register(
                    "dtmi:dtdl:extension:historization;" + version,
                    "historization.v" + version,
                    types(AdjunctType.of("Historized", Set.of(PROPERTY, TELEMETRY))));
            register(
                    "dtmi:dtdl:extension:annotation;" + version,
                    "annotation.v" + version,
                    types(AdjunctType.of(
                            "ValueAnnotation",
                            Set.of(PROPERTY, TELEMETRY),
                            Slot.required("annotates", SlotType.STRING))));
            register(
                    "dtmi:dtdl:extension:overriding;" + version,
                    "overriding.v" + version,
                    types(AdjunctType.of("Override", Set.of(PROPERTY), Slot.required("overrides", SlotType.IRI))
                            .requiring("ValueAnnotation")));
        }
        register(
                "dtmi:dtdl:extension:mqtt;1",
                "mqtt.v1",
                types(
                        AdjunctType.of(
                                "Mqtt",
                                Set.of(INTERFACE),
                                Slot.required("payloadFormat", SlotType.STRING),
                                Slot.optional("telemetryTopic", SlotType.STRING),
                                Slot.optional("commandTopic", SlotType.STRING)),
                        AdjunctType.of("Idempotent", Set.of(COMMAND)),
                        AdjunctType.of("Cacheable", Set.of(COMMAND), Slot.required("ttl", SlotType.STRING)),
                        AdjunctType.of(
                                "Indexed",
                                Set.of(ENUM_VALUE, FIELD, TELEMETRY),
                                Slot.required("index", SlotType.INTEGER))));
    }

    static {
        // IoT Central's partner extension for DTDL v2 (DTDL/v2/DTDL.iotcentral.v2.md): adjunct types for Properties and
        // Telemetry; the vectors take an optional unit.
        Set<ElementKind> contents = Set.of(PROPERTY, TELEMETRY);
        KNOWN.put(
                "dtmi:iotcentral:context;2",
                new Extension(
                        "dtmi:iotcentral:context;2",
                        Vocabulary.load("DTDL.v2.iotcentral.context.json"),
                        types(
                                AdjunctType.of("State", contents),
                                AdjunctType.of("Event", contents),
                                AdjunctType.of("Location", contents),
                                AdjunctType.of("VelocityVector", contents, Slot.optional("unit", SlotType.TERM)),
                                AdjunctType.of("AccelerationVector", contents, Slot.optional("unit", SlotType.TERM)))));
    }

    /** True for the DTDL v2 partner extensions; the feature extensions are for v3 only. */
    boolean forV2() {
        return context.equals("dtmi:iotcentral:context;2");
    }

    private static Map<String, AdjunctType> types(AdjunctType... types) {
        Map<String, AdjunctType> byTerm = new LinkedHashMap<>();
        for (AdjunctType type : types) {
            byTerm.put(type.term(), type);
        }
        return byTerm;
    }

    private static void register(String context, String file, Map<String, AdjunctType> types) {
        KNOWN.put(
                context,
                new Extension(context, Vocabulary.load("DTDL.FeatureExtension." + file + ".context.json"), types));
    }

    /** A known extension by its context specifier. */
    static Optional<Extension> known(String context) {
        return Optional.ofNullable(KNOWN.get(context));
    }
}
