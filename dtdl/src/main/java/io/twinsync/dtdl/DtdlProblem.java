package io.twinsync.dtdl;

import java.util.Objects;

/**
 * One thing wrong with a model, said once: where (file, interface, element) and what.
 *
 * @param source the file or request the interface came from, such as {@code ontology/Space.json}
 * @param interfaceId the {@code @id} of the interface, or null when the problem is before any interface is known
 * @param element the element inside the interface, such as {@code relationship 'isFedBy' > property 'since'}; empty
 *     for the interface itself
 * @param message what is wrong, and what to do where that is not obvious
 * @param missing for a reference to an interface or schema that none of the documents read defines, its DTMI (the
 *     models a service already holds may still define it); null for every other problem
 */
public record DtdlProblem(String source, String interfaceId, String element, String message, String missing) {

    public DtdlProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(message, "message");
    }

    public DtdlProblem(String source, String interfaceId, String element, String message) {
        this(source, interfaceId, element, message, null);
    }

    /** True when the problem is only that something referred to is not among the documents read. */
    public boolean isMissingReference() {
        return missing != null;
    }

    /** {@code source (interface) element: message}, leaving out the parts that are not known. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (interfaceId != null) {
            text.append(" (").append(interfaceId).append(')');
        }
        if (!element.isEmpty()) {
            text.append(' ').append(element);
        }
        return text.append(": ").append(message).toString();
    }
}
