package io.twinsync.transform.dtdl;

import java.util.Arrays;
import java.util.Optional;

/** The DTDL v3 primitive schemas, each with the term a model uses for it. */
public enum PrimitiveSchema {
    BOOLEAN("boolean"),
    DATE("date"),
    DATE_TIME("dateTime"),
    DOUBLE("double"),
    DURATION("duration"),
    FLOAT("float"),
    INTEGER("integer"),
    LONG("long"),
    STRING("string"),
    TIME("time");

    private final String term;

    PrimitiveSchema(String term) {
        this.term = term;
    }

    /** The term as written in a model, such as {@code dateTime}. */
    public String term() {
        return term;
    }

    public static Optional<PrimitiveSchema> fromTerm(String term) {
        return Arrays.stream(values()).filter(s -> s.term.equals(term)).findFirst();
    }
}
