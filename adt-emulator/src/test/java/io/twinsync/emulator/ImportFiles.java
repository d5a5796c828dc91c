package io.twinsync.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds NDJSON import files: a Header, then optional Models, Twins and Relationships sections, one JSON per line. */
final class ImportFiles {

    private final List<String> lines = new ArrayList<>();

    private ImportFiles() {
        lines.add("{\"Section\": \"Header\"}");
        lines.add("{\"fileVersion\": \"1.0.0\", \"author\": \"twinsync tests\", \"organization\": \"twinsync\"}");
    }

    static ImportFiles withHeader() {
        return new ImportFiles();
    }

    /** Starts a section: Models, Twins or Relationships. */
    ImportFiles section(String name) {
        lines.add("{\"Section\": \"" + name + "\"}");
        return this;
    }

    /** Adds one line; multi-line JSON (such as the text blocks of {@link TestModels}) is folded onto it. */
    ImportFiles line(String json) {
        lines.add(json.replace("\n", " ").strip());
        return this;
    }

    /** The 1-based line number the next {@link #line} will get. */
    int nextLineNumber() {
        return lines.size() + 1;
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    Path writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
