package io.twinsync.dtdl;

import java.util.Set;

/**
 * One property a DTDL class may have (a row of a class's chart in the specification): its term, the kind of value it
 * takes, whether it is required, whether it is a set, and its limits.
 *
 * @param kinds for {@link SlotType#ELEMENT}: the classes its values may be
 * @param maxCount the most values a set may hold, or -1 for no limit; a singular property holds at most one
 * @param maxLength the longest string value, or -1
 */
record Slot(
        String term,
        SlotType type,
        boolean required,
        boolean plural,
        Set<ElementKind> kinds,
        int maxCount,
        int maxLength) {

    static Slot optional(String term, SlotType type) {
        return new Slot(term, type, false, false, Set.of(), -1, -1);
    }

    static Slot required(String term, SlotType type) {
        return new Slot(term, type, true, false, Set.of(), -1, -1);
    }

    static Slot element(String term, boolean required, Set<ElementKind> kinds) {
        return new Slot(term, SlotType.ELEMENT, required, false, Set.copyOf(kinds), -1, -1);
    }

    static Slot elements(String term, boolean required, Set<ElementKind> kinds, int maxCount) {
        return new Slot(term, SlotType.ELEMENT, required, true, Set.copyOf(kinds), maxCount, -1);
    }

    Slot maxLength(int length) {
        return new Slot(term, type, required, plural, kinds, maxCount, length);
    }

    /** The kinds of value a property takes. */
    enum SlotType {
        /** A string, such as {@code comment}. */
        STRING,
        /** A localizable string: a string, a language map, or an array of strings and value objects. */
        LANG_STRING,
        BOOLEAN,
        INTEGER,
        /** An element's programming name: a string matching the DTDL name rule. */
        NAME,
        /** An {@code enumValue}: an integer or a string. */
        LITERAL,
        /** A DTMI that is not resolved, such as a relationship's {@code target}. */
        DTMI,
        /** Another element: written inline as an object, or referred to by its DTMI or (for instances) its term. */
        ELEMENT,
        /** A term from a fixed set, such as a {@code unit} or a v2 {@code commandType}. */
        TERM,
        /** A term or IRI of an extension property, such as the Overriding extension's {@code overrides}. */
        IRI
    }
}
