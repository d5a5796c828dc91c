package io.twinsync.transform.importfile;

/** The sections of an import file, in the order they must appear; each is opened by {@code {"Section": "<name>"}}. */
enum ImportSection {
    HEADER("Header"),
    MODELS("Models"),
    TWINS("Twins"),
    RELATIONSHIPS("Relationships");

    private final String marker;

    ImportSection(String marker) {
        this.marker = marker;
    }

    /** The name as the marker line spells it. */
    String marker() {
        return marker;
    }
}
