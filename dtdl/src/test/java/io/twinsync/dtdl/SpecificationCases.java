package io.twinsync.dtdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The DTDL specification's own test cases (Azure/opendigitaltwins-dtdl, DTDL/v2/spec and DTDL/v3/spec; see
 * {@code dtdl-spec/SOURCE.md}): each file holds cases of one rule, each case a set of documents, the parser options, and
 * whether the set is valid.
 */
final class SpecificationCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case: the documents, whether undefined extensions are allowed, and the expected verdict. */
    record Case(String file, int index, List<JsonNode> documents, boolean allowUndefinedExtensions, boolean valid) {

        String describe() {
            return file + "[" + index + "] (" + (valid ? "valid" : "invalid") + ", "
                    + (allowUndefinedExtensions ? "AllowUndefinedExtensions" : "DisallowUndefinedExtensions") + "): "
                    + documents;
        }
    }

    /** One rule's file of cases. */
    record CaseFile(String name, List<Case> cases) {}

    private SpecificationCases() {}

    static List<CaseFile> load() {
        List<CaseFile> files = new ArrayList<>();
        try (InputStream in = SpecificationCases.class.getResourceAsStream("/dtdl-spec/cases.zip");
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory() || !entry.getName().endsWith(".json")) {
                    continue;
                }
                String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                JsonNode cases = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
                List<Case> list = new ArrayList<>();
                int index = 0;
                for (JsonNode each : cases) {
                    List<JsonNode> documents = new ArrayList<>();
                    each.path("input").forEach(documents::add);
                    boolean allow = false;
                    for (JsonNode option : each.path("options")) {
                        allow |= option.asText().equals("AllowUndefinedExtensions");
                    }
                    list.add(new Case(
                            entry.getName(),
                            index++,
                            documents,
                            allow,
                            each.path("valid").asBoolean()));
                }
                files.add(new CaseFile(entry.getName(), list));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(java.util.Comparator.comparing(CaseFile::name));
        return files;
    }
}
