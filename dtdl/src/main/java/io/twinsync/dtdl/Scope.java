package io.twinsync.dtdl;

import io.twinsync.dtdl.model.DtdlVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code @context} in force at an element defines: the DTDL version, the known language extensions, and
 * whether an undefined extension is in scope (whose terms are then accepted unchecked). Immutable; a nested
 * {@code @context} makes a new scope for its element and everything inside it.
 */
record Scope(DtdlVersion version, List<Extension> extensions, boolean undefinedExtension, DtdlReadOptions options) {

    Scope {
        extensions = List.copyOf(extensions);
    }

    Vocabulary core() {
        return Vocabulary.core(version);
    }

    Metamodel metamodel() {
        return Metamodel.of(version);
    }

    Scope withVersion(DtdlVersion newVersion) {
        return new Scope(newVersion, extensions, undefinedExtension, options);
    }

    Scope withExtension(Extension extension) {
        List<Extension> more = new ArrayList<>(extensions);
        more.remove(extension);
        more.add(extension);
        return new Scope(version, more, undefinedExtension, options);
    }

    Scope withUndefinedExtension() {
        return new Scope(version, extensions, true, options);
    }

    /**
     * Whether a term no context defines may co-type an element, which then may carry properties no context defines.
     * DTDL v2 allows it always (the v2 spec cases "Allowance-Class*PropertyUndefinedTermV2"); v3 only when an
     * undefined extension is in scope and the options allow undefined extensions.
     */
    boolean allowsUndefinedCoTypes() {
        return version == DtdlVersion.V2 || (undefinedExtension && options.allowUndefinedExtensions());
    }

    /** The co-type a term or IRI names, among the known extensions in scope (and, in v2, the semantic types). */
    Optional<AdjunctType> adjunctType(String text) {
        for (int i = extensions.size() - 1; i >= 0; i--) {
            Extension extension = extensions.get(i);
            Optional<String> term = extension.vocabulary().normalize(text);
            if (term.isPresent() && extension.adjunctTypes().containsKey(term.get())) {
                return Optional.of(extension.adjunctTypes().get(term.get()));
            }
        }
        if (version == DtdlVersion.V2) {
            return core().normalize(text)
                    .filter(SemanticTypes.V2::isSemanticType)
                    .map(term -> AdjunctType.semantic(
                            term, java.util.Set.of(ElementKind.PROPERTY, ElementKind.TELEMETRY), SemanticTypes.V2));
        }
        return Optional.empty();
    }

    /** The term a property key names in the extensions in scope, if any. */
    Optional<String> extensionTerm(String key) {
        for (int i = extensions.size() - 1; i >= 0; i--) {
            Optional<String> term = extensions.get(i).vocabulary().normalize(key);
            if (term.isPresent()) {
                return term;
            }
        }
        return Optional.empty();
    }

    /** True when any context in scope (core or extension) defines the term or IRI. */
    boolean defines(String text) {
        return core().normalize(text).isPresent() || extensionTerm(text).isPresent();
    }
}
