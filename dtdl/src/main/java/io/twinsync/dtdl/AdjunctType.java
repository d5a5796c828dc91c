package io.twinsync.dtdl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A co-type that a language extension (or, in DTDL v2, the core language) lets an element carry next to its class,
 * such as {@code Temperature} or {@code Historized}, with the properties it adds to the element.
 *
 * @param appliesTo the classes it may co-type
 * @param slots the properties it adds, by term
 * @param requiresCoType a co-type the element must also carry (Overriding's {@code Override} needs
 *     {@code ValueAnnotation}), or null
 * @param semanticTypes for a semantic type: the chart it belongs to (its {@code unit} must be of its unit type and
 *     the element's schema numeric); null otherwise
 */
record AdjunctType(
        String term,
        Set<ElementKind> appliesTo,
        Map<String, Slot> slots,
        String requiresCoType,
        SemanticTypes semanticTypes) {

    AdjunctType {
        appliesTo = Set.copyOf(appliesTo);
        slots = new LinkedHashMap<>(slots);
    }

    static AdjunctType of(String term, Set<ElementKind> appliesTo, Slot... slots) {
        Map<String, Slot> byTerm = new LinkedHashMap<>();
        for (Slot slot : slots) {
            byTerm.put(slot.term(), slot);
        }
        return new AdjunctType(term, appliesTo, byTerm, null, null);
    }

    AdjunctType requiring(String coType) {
        return new AdjunctType(term, appliesTo, slots, coType, semanticTypes);
    }

    static AdjunctType semantic(String term, Set<ElementKind> appliesTo, SemanticTypes chart) {
        return new AdjunctType(term, appliesTo, Map.of("unit", Slot.required("unit", Slot.SlotType.TERM)), null, chart);
    }

    boolean isSemanticType() {
        return semanticTypes != null;
    }

    List<Slot> requiredSlots() {
        return slots.values().stream().filter(Slot::required).toList();
    }
}
