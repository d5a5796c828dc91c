package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.dtdl.model.DtdlVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an element's {@code @context}: a DTDL context specifier and language extensions (DTDL v3 spec, "Context").
 * Every specifier is a DTMI with a version; a document's outermost element must give the DTDL context, first.
 */
final class ContextReader {

    /** A context specifier: any DTMI that carries a version. */
    private static final Pattern VERSIONED_DTMI =
            Pattern.compile("^dtmi:[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?(?::[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?)*"
                    + ";[1-9][0-9]{0,8}(?:\\.[1-9][0-9]{0,5})?$");

    private static final String DTDL_CONTEXT_PREFIX = "dtmi:dtdl:context;";

    private final Problems problems;

    ContextReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * The scope for an element.
     *
     * @param inherited the scope of the enclosing element, or null for a document's outermost element
     * @return the element's scope, or null when the outermost element has no usable DTDL context
     */
    Scope read(JsonNode context, Scope inherited, DtdlReadOptions options, Node.Location at) {
        if (context == null) {
            if (inherited == null) {
                problems.add(
                        at,
                        "has no @context; a model document must start with \"@context\":"
                                + " \"dtmi:dtdl:context;3\" (or \"dtmi:dtdl:context;2\")");
            }
            return inherited;
        }
        List<String> specifiers = specifiers(context, at);
        if (specifiers == null) {
            return inherited;
        }
        Scope scope = inherited;
        if (inherited == null) {
            Optional<DtdlVersion> version = specifiers.isEmpty()
                    ? Optional.empty()
                    : DtdlVersion.ofContext(specifiers.get(0)).or(() -> iotCentralFirst(specifiers));
            if (version.isEmpty()) {
                problems.add(
                        at,
                        "@context must begin with the DTDL context \"dtmi:dtdl:context;3\" (or"
                                + " \"dtmi:dtdl:context;2\"), with any extension contexts after it; found " + context);
                return null;
            }
            scope = new Scope(version.get(), List.of(), false, options);
        }
        for (String specifier : specifiers) {
            scope = apply(specifier, scope, at);
            if (scope == null) {
                return inherited == null ? null : inherited;
            }
        }
        return scope;
    }

    /**
     * DTDL v2 lets IoT Central's context come before the DTDL context ("Recommendation-ContextDtdlPrecedesOrOnly
     * ExceptionV2"); the version is then the one of the DTDL context that follows.
     */
    private static Optional<DtdlVersion> iotCentralFirst(List<String> specifiers) {
        int i = 0;
        while (i < specifiers.size() && specifiers.get(i).equals("dtmi:iotcentral:context;2")) {
            i++;
        }
        return i > 0 && i < specifiers.size()
                ? DtdlVersion.ofContext(specifiers.get(i)).filter(v -> v == DtdlVersion.V2)
                : Optional.empty();
    }

    private List<String> specifiers(JsonNode context, Node.Location at) {
        List<String> specifiers = new ArrayList<>();
        for (JsonNode entry : context.isArray() ? context : List.of(context)) {
            if (!entry.isTextual()) {
                problems.add(at, "@context must be a string or an array of strings, found " + Literals.shown(context));
                return null;
            }
            specifiers.add(entry.asText());
        }
        return specifiers;
    }

    private Scope apply(String specifier, Scope scope, Node.Location at) {
        if (!VERSIONED_DTMI.matcher(specifier).matches()) {
            problems.add(
                    at,
                    "@context entry \"" + specifier + "\" is not a context specifier; each must be a DTMI"
                            + " with a version, such as \"dtmi:dtdl:extension:quantitativeTypes;1\"");
            return null;
        }
        if (specifier.startsWith(DTDL_CONTEXT_PREFIX)) {
            Optional<DtdlVersion> version = DtdlVersion.ofContext(specifier);
            if (version.isEmpty()) {
                problems.add(
                        at,
                        "@context names " + specifier + "; Azure Digital Twins reads DTDL v2 and v3"
                                + " (dtmi:dtdl:context;2 or ;3)");
                return null;
            }
            return scope.withVersion(version.get());
        }
        Optional<Extension> extension = Extension.known(specifier);
        if (extension.isPresent()) {
            if ((scope.version() == DtdlVersion.V2) != extension.get().forV2()) {
                problems.add(
                        at,
                        "@context names the language extension " + specifier + ", which DTDL v"
                                + scope.version().number() + " cannot use");
                return null;
            }
            return scope.withExtension(extension.get());
        }
        if (!scope.options().allowUndefinedExtensions()) {
            problems.add(at, "@context names " + specifier + ", a language extension this reader does not define");
            return null;
        }
        return scope.withUndefinedExtension();
    }
}
