package io.twinsync.sample.erp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script from the classpath, split into statements. The rules are deliberately simple and match how the
 * bundled scripts are written: a statement ends with {@code ;} at the end of a line, and lines starting with
 * {@code --} are comments. There are no procedures or {@code GO} separators to worry about.
 */
record SqlScript(String resource, List<Statement> statements) {

    /** One statement and the line it starts on, so a failure can point at it. */
    record Statement(int line, String sql) {}

    static SqlScript load(String resource) {
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource
                        + "; the twinsync-sample-erp-schema jar is incomplete, rebuild it");
            }
            return new SqlScript(resource, split(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath resource " + resource, e);
        }
    }

    static List<Statement> split(String text) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (current.isEmpty()) {
                start = i + 1;
            } else {
                current.append('\n');
            }
            if (trimmed.endsWith(";")) {
                current.append(line.stripTrailing(), 0, line.stripTrailing().length() - 1);
                statements.add(new Statement(start, current.toString()));
                current.setLength(0);
            } else {
                current.append(line);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(new Statement(start, current.toString()));
        }
        return List.copyOf(statements);
    }
}
