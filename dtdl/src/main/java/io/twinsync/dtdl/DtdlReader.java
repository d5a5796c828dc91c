package io.twinsync.dtdl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.dtdl.model.DtdlInterface;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads DTDL v2 and v3 model documents as the DTDL language specification defines them (Azure/opendigitaltwins-dtdl),
 * checked against the specification's own test cases. Every problem is reported once with its file, interface and
 * element; what could be read is kept, so one pass reports everything. Thread-safe.
 *
 * <pre>{@code
 * DtdlReader.Result read = DtdlReader.forService().read(List.of(DtdlSource.ofText("Pump.json", text)));
 * read.problems().forEach(System.err::println);
 * read.models().property("dtmi:com:example:Pump;1", "flowRate");
 * }</pre>
 */
public final class DtdlReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final DtdlReadOptions options;

    public DtdlReader(DtdlReadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A reader with the options Azure Digital Twins reads models with ({@link DtdlReadOptions#SERVICE}). */
    public static DtdlReader forService() {
        return new DtdlReader(DtdlReadOptions.SERVICE);
    }

    /**
     * What was read.
     *
     * @param models every interface that could be read, with those of the base set
     * @param problems what is wrong with the new documents, each once, in the order found
     */
    public record Result(ModelSet models, List<DtdlProblem> problems) {

        public Result {
            Objects.requireNonNull(models, "models");
            problems = List.copyOf(problems);
        }

        public boolean hasProblems() {
            return !problems.isEmpty();
        }
    }

    /** Reads a set of documents on their own. */
    public Result read(List<DtdlSource> sources) {
        return read(sources, ModelSet.empty());
    }

    /**
     * Reads documents that may refer to the interfaces of {@code base} (as an upload refers to the models a service
     * already holds). The result's set holds the base's interfaces and the new ones; an interface the base already
     * defines is a problem.
     */
    public Result read(List<DtdlSource> sources, ModelSet base) {
        Problems problems = new Problems();
        DocumentParser parser = new DocumentParser(options, problems);
        Map<Node, String> roots = new LinkedHashMap<>();
        for (DtdlSource source : sources) {
            JsonNode document = parse(source, problems);
            if (document != null) {
                parser.read(source.name(), document).forEach(node -> roots.put(node, source.name()));
            }
        }
        Map<String, Node> index = new HashMap<>(base.index());
        ModelSetChecks.indexNew(parser.nodes(), index, problems);
        ModelSetChecks checks = new ModelSetChecks(problems, index, options);
        checks.check(parser.nodes());

        ModelAssembler assembler = new ModelAssembler(index);
        Map<String, DtdlInterface> interfaces = new LinkedHashMap<>(base.interfaceMap());
        Map<String, List<Node>> documents = new LinkedHashMap<>(base.nodesByDocument());
        for (Node node : parser.nodes()) {
            if (node.kind == ElementKind.INTERFACE && index.get(node.id) == node) {
                interfaces.putIfAbsent(node.id, assembler.assemble(node));
            }
        }
        for (Node root : roots.keySet()) {
            if (index.get(root.id) == root) {
                documents.put(root.id, new ArrayList<>());
            }
        }
        for (Node node : parser.nodes()) {
            List<Node> documentNodes = documents.get(node.document().id);
            if (documentNodes != null && index.get(node.document().id) == node.document()) {
                documentNodes.add(node);
            }
        }
        Map<String, Set<String>> unresolved = new TreeMap<>(base.unresolvedMap());
        checks.unresolved()
                .forEach((id, needers) ->
                        unresolved.computeIfAbsent(id, k -> new TreeSet<>()).addAll(needers));
        unresolved.keySet().removeIf(interfaces::containsKey);
        return new Result(new ModelSet(index, interfaces, documents, unresolved), problems.list());
    }

    private static JsonNode parse(DtdlSource source, Problems problems) {
        if (source.json() != null) {
            return source.json();
        }
        String text = source.text();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            JsonNode document = JSON.readTree(text);
            if (document == null || document.isMissingNode()) {
                problems.add(new DtdlProblem(
                        source.name(),
                        null,
                        "",
                        "is empty; a model document is a JSON object" + " (an Interface) or an array of them"));
                return null;
            }
            return document;
        } catch (JsonProcessingException e) {
            problems.add(new DtdlProblem(
                    source.name(),
                    null,
                    "",
                    "is not valid JSON: " + e.getOriginalMessage() + " (line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
            return null;
        }
    }
}
