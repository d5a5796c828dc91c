package io.twinsync.emulator.recorded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The recordings under {@code sdk-recordings/} on the test class path (see its SOURCE.md). */
final class RecordingLibrary {

    static final String DIRECTORY = "sdk-recordings";

    private RecordingLibrary() {}

    static List<Path> files() {
        URL url = RecordingLibrary.class.getClassLoader().getResource(DIRECTORY);
        if (url == null) {
            throw new IllegalStateException("No " + DIRECTORY + " directory on the test class path; run from Maven");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unexpected class-path URL " + url, e);
        }
    }
}
