package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.dtdl.model.DtdlVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an element's {@code @type}: exactly one DTDL class the position allows, plus co-types (semantic types and
 * other extension types; in DTDL v2, or with an undefined extension in scope, terms no context defines).
 */
final class TypeReader {

    /** A term: a name without a colon. */
    static final Pattern TERM = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

    /** Any syntactically valid DTMI, user or system, with or without a version. */
    static final Pattern ANY_DTMI =
            Pattern.compile("^dtmi:(?:_+[A-Za-z0-9]|[A-Za-z])(?:[A-Za-z0-9_]*[A-Za-z0-9])?(?::(?:_+[A-Za-z0-9]"
                    + "|[A-Za-z])(?:[A-Za-z0-9_]*[A-Za-z0-9])?)*(?:;[1-9][0-9]{0,8}(?:\\.[1-9][0-9]{0,5})?)?$");

    private final Problems problems;

    TypeReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * What {@code @type} says.
     *
     * @param kind the element's class, or null when it cannot be told (a problem was reported)
     * @param undefinedCoTypes true when a co-type is a term or IRI no context in scope defines, which lets the element
     *     carry properties no context defines
     */
    record Types(ElementKind kind, List<String> coTypes, List<AdjunctType> adjunctTypes, boolean undefinedCoTypes) {}

    Types read(JsonNode type, Scope scope, Set<ElementKind> allowed, Node.Location at) {
        List<String> entries = new ArrayList<>();
        if (type != null) {
            for (JsonNode entry : type.isArray() ? type : List.of(type)) {
                if (!entry.isTextual()) {
                    problems.add(at, "@type must be a string or an array of strings, found " + Literals.shown(type));
                    return new Types(null, List.of(), List.of(), false);
                }
                entries.add(entry.asText());
            }
        }
        ElementKind kind = null;
        List<String> coTypes = new ArrayList<>();
        List<AdjunctType> adjuncts = new ArrayList<>();
        boolean undefined = false;
        for (String entry : entries) {
            Optional<String> term = scope.core().normalize(entry);
            ElementKind named =
                    term.map(t -> ElementKind.ofTerm(t, scope.version())).orElse(null);
            if (named != null) {
                if (kind != null && kind != named) {
                    problems.add(
                            at,
                            "@type names two classes, " + kind.term() + " and " + named.term()
                                    + "; an element is of exactly one DTDL class");
                    return new Types(null, List.of(), List.of(), false);
                }
                kind = named;
                continue;
            }
            Optional<AdjunctType> adjunct = scope.adjunctType(entry);
            if (adjunct.isPresent()) {
                if (!adjuncts.contains(adjunct.get())) {
                    adjuncts.add(adjunct.get());
                    coTypes.add(adjunct.get().term());
                }
                continue;
            }
            String problem = undefinedCoTypeProblem(entry, scope);
            if (problem != null) {
                problems.add(at, problem);
                return new Types(null, List.of(), List.of(), false);
            }
            coTypes.add(entry);
            undefined = true;
        }
        return new Types(kind(kind, allowed, entries, at), coTypes, adjuncts, undefined);
    }

    /**
     * Why a co-type no context in scope defines is not allowed, or null when it is. DTDL v2 maps an undefined term to
     * its "@vocab" and accepts it, and accepts any absolute IRI that is not a DTMI; an undefined DTMI, or a term that
     * names something other than a co-type, needs an undefined extension in scope (spec cases
     * "Allowance-Class*TypeIncludesNotDtmiNorTermV2", "Completion-Class*TypeIncludesIrrelevantDtmiOrTermV2"). DTDL v3
     * accepts undefined co-types only with an undefined extension in scope, and never a non-DTMI IRI.
     */
    private static String undefinedCoTypeProblem(String entry, Scope scope) {
        boolean term = TERM.matcher(entry).matches();
        boolean dtmi = ANY_DTMI.matcher(entry).matches();
        boolean otherIri = !term && !entry.startsWith("dtmi:") && entry.indexOf(':') > 0;
        boolean undefinedAllowed = scope.undefinedExtension() && scope.options().allowUndefinedExtensions();
        if (scope.version() == DtdlVersion.V2) {
            if (otherIri || (term && !scope.defines(entry)) || undefinedAllowed && (term || dtmi)) {
                return null;
            }
        } else if (undefinedAllowed && (term || dtmi)) {
            return null;
        }
        if (!term && !dtmi) {
            return "@type \"" + entry + "\" is neither a term nor a DTMI";
        }
        if (scope.defines(entry)) {
            return "@type \"" + entry + "\" is not a co-type: it names something else in DTDL";
        }
        return "@type \"" + entry + "\" is not a co-type the contexts in scope define"
                + (scope.version() == DtdlVersion.V2 ? "" : extensionHint(entry));
    }

    private ElementKind kind(ElementKind named, Set<ElementKind> allowed, List<String> entries, Node.Location at) {
        if (named == null) {
            // a class whose @type is optional may leave @type out, but an @type that is given must name it
            // ("Requirement-ClassFieldTypeIncludesMaterialV3")
            if (entries.isEmpty()
                    && allowed.size() == 1
                    && !allowed.iterator().next().typeRequired()) {
                return allowed.iterator().next();
            }
            problems.add(
                    at,
                    entries.isEmpty()
                            ? "has no @type; give its DTDL class, one of " + terms(allowed)
                            : "@type " + entries + " names no DTDL class; give one of " + terms(allowed));
            return null;
        }
        if (!allowed.contains(named)) {
            problems.add(at, "is a " + named.term() + ", but only " + terms(allowed) + " may be here");
            return null;
        }
        return named;
    }

    private static String extensionHint(String entry) {
        if (SemanticTypes.QUANTITATIVE_TYPES_V1.isSemanticType(entry)) {
            return "; the semantic type " + entry + " needs \"dtmi:dtdl:extension:quantitativeTypes;1\" in @context";
        }
        return switch (entry) {
            case "Historized" -> "; it needs \"dtmi:dtdl:extension:historization;1\" in @context";
            case "ValueAnnotation" -> "; it needs \"dtmi:dtdl:extension:annotation;1\" in @context";
            case "Override" -> "; it needs \"dtmi:dtdl:extension:overriding;1\" in @context";
            default -> "";
        };
    }

    static String terms(Set<ElementKind> kinds) {
        return String.join(", ", kinds.stream().map(ElementKind::term).sorted().toList());
    }
}
