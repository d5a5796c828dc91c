package io.twinsync.orchestrator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A home folder with the fleet source of the {@code fleet/} test resources: its mapping, models and database. */
final class FleetHome {

    private static final String FLEET = "fleet/";

    private FleetHome() {}

    /** A fresh home with the fleet mapping, as {@code editMapping} changes it, and the fleet models. */
    static Path create(String prefix, UnaryOperator<String> editMapping) {
        try {
            Path home = CliRun.newHome(prefix);
            Path models = Files.createDirectories(home.resolve("fleet/models"));
            Files.writeString(models.resolveSibling("mapping.yaml"), editMapping.apply(read(FLEET + "mapping.yaml")));
            for (String model : List.of("Depot", "Vehicle", "Driver")) {
                Files.writeString(models.resolve(model + ".json"), read(FLEET + "models/" + model + ".json"));
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fleet database: an H2 file in SQL Server mode, created and filled with plain JDBC; returns its URL. */
    static String createDatabase(Path home) {
        String url = "jdbc:h2:file:" + home.resolve("fleet/db").toAbsolutePath()
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM 'classpath:/" + FLEET + "fleet.sql'");
            return url;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the fleet database", e);
        }
    }

    /** The settings that point a Spring test at a fleet home and its database. */
    static void register(DynamicPropertyRegistry registry, Path home, String sourceUrl) {
        registry.add("twinsync.home", home::toString);
        registry.add("twinsync.source.url", () -> sourceUrl);
        registry.add(
                "twinsync.mapping", () -> home.resolve("fleet/mapping.yaml").toString());
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = FleetHome.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
