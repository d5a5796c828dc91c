package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.dtdl.model.DtdlVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The terms a JSON-LD context defines and the IRIs they stand for, read from the published DTDL context files (copied
 * verbatim from Azure/opendigitaltwins-dtdl under {@code vocabulary/}). A model may write a class, property or value
 * either as its term ({@code schema}) or as its IRI ({@code dtmi:dtdl:property:schema;3}); both mean the same.
 */
final class Vocabulary {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<DtdlVersion, Vocabulary> CORE = new EnumMap<>(DtdlVersion.class);

    static {
        CORE.put(DtdlVersion.V2, load("DTDL.v2.context.json"));
        CORE.put(DtdlVersion.V3, load("DTDL.v3.context.json"));
    }

    private final Map<String, String> iriByTerm;
    private final Map<String, String> termByIri;

    private Vocabulary(Map<String, String> iriByTerm) {
        this.iriByTerm = Collections.unmodifiableMap(iriByTerm);
        Map<String, String> reverse = new HashMap<>();
        iriByTerm.forEach((term, iri) -> reverse.put(iri, term));
        this.termByIri = Collections.unmodifiableMap(reverse);
    }

    /** The core vocabulary of a DTDL version ({@code dtmi:dtdl:context;N}). */
    static Vocabulary core(DtdlVersion version) {
        return CORE.get(version);
    }

    /** Reads a context file of the {@code vocabulary} resources: every term whose {@code @id} is a DTMI. */
    static Vocabulary load(String resource) {
        try (InputStream in = Vocabulary.class.getResourceAsStream("vocabulary/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("The DTDL context resource vocabulary/" + resource + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode root = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
            Map<String, String> terms = new LinkedHashMap<>();
            root.properties().forEach(entry -> {
                String iri = entry.getValue().path("@id").asText("");
                if (iri.startsWith("dtmi:") && !entry.getKey().contains(":")) {
                    terms.put(entry.getKey(), iri);
                }
            });
            return new Vocabulary(terms);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the DTDL context resource " + resource, e);
        }
    }

    Optional<String> iri(String term) {
        return Optional.ofNullable(iriByTerm.get(term));
    }

    Optional<String> term(String iri) {
        return Optional.ofNullable(termByIri.get(iri));
    }

    boolean defines(String term) {
        return iriByTerm.containsKey(term);
    }

    /** The term, when {@code text} is one of this vocabulary's terms or IRIs. */
    Optional<String> normalize(String text) {
        if (iriByTerm.containsKey(text)) {
            return Optional.of(text);
        }
        return term(text);
    }

    /** True when the term stands for an IRI in the given namespace, such as {@code dtmi:dtdl:class:}. */
    boolean isIn(String term, String namespace) {
        String iri = iriByTerm.get(term);
        return iri != null && iri.startsWith(namespace);
    }
}
