package io.twinsync.orchestrator;

import io.twinsync.orchestrator.TwinsyncProcesses.StandaloneEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The assets-and-tags source of the {@code link-table/} test resources (a many-to-many table {@code asset_tag}
 * mapped as a link entity): its mapping and models in a folder, its H2 database, a standalone emulator, and the
 * settings that point twinsync at them.
 *
 * @param settings the environment of a twinsync process: source, mapping and target
 */
record LinkTableHome(Path home, String sourceUrl, StandaloneEmulator adt, Map<String, String> settings)
        implements AutoCloseable {

    private static final String RESOURCES = "link-table/";

    /** Creates everything under {@code dir}, with the mapping as {@code editMapping} changes it. */
    static LinkTableHome create(Path dir, UnaryOperator<String> editMapping) throws Exception {
        Path mapping = Files.createDirectories(dir.resolve("mapping/models")).getParent();
        Files.writeString(mapping.resolve("mapping.yaml"), editMapping.apply(read("mapping.yaml")));
        for (String model : new String[] {"Asset.json", "Tag.json"}) {
            Files.writeString(mapping.resolve("models").resolve(model), read("models/" + model));
        }
        String url = "jdbc:h2:file:" + dir.resolve("db/links").toAbsolutePath()
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        TwinsyncProcesses.sql(url, "RUNSCRIPT FROM 'classpath:/" + RESOURCES + "schema.sql'");
        StandaloneEmulator adt = new StandaloneEmulator(dir.resolve("adt"), TwinsyncProcesses.freePort()).start();
        Map<String, String> settings = new HashMap<>(adt.target());
        settings.put("TWINSYNC_SOURCE_URL", url);
        settings.put("TWINSYNC_MAPPING", mapping.resolve("mapping.yaml").toString());
        return new LinkTableHome(dir.resolve("home"), url, adt, Map.copyOf(settings));
    }

    TwinsyncProcesses.Result run(String... args) throws IOException, InterruptedException {
        return TwinsyncProcesses.run(home, settings, args);
    }

    GraphDump graph() {
        return GraphDump.of(adt.endpoint(), adt.certificate());
    }

    @Override
    public void close() {
        adt.close();
    }

    private static String read(String resource) {
        try (InputStream in = LinkTableHome.class.getClassLoader().getResourceAsStream(RESOURCES + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
