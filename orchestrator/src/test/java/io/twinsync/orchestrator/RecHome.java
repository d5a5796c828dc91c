package io.twinsync.orchestrator;

import io.twinsync.testsupport.PublicOntology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A home folder as a user of RealEstateCore would make it: the ontology folder as published under {@code rec/ontology},
 * a mapping that lists the whole folder, and a pump table of their own (an H2 file in SQL Server mode).
 */
final class RecHome {

    private RecHome() {}

    /** A home with the ontology folder, as published, and a mapping that lists the folder. */
    static Path create(String prefix) {
        try {
            Path home = CliRun.newHome(prefix);
            copyOntology(home.resolve("rec/ontology"));
            Files.writeString(
                    home.resolve("rec/mapping.yaml"),
                    """
                    format: twinsync.mapping/1
                    models:
                      - ontology
                    entities:
                      - name: pump
                        source:
                          table: Pump
                          key: [PumpId]
                        twin:
                          model: dtmi:digitaltwins:rec_3_3:asset:HVACPump;1
                          id: "pump-{Tag}"
                          properties:
                            name: Tag
                            serialNumber: Serial
                            flowCapacity: Flow
                        relationships:
                          - name: isFedBy
                            target: "pump-{FedBy}"
                            properties:
                              substance: Substance
                    """);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String createDatabase(Path home) {
        String url = "jdbc:h2:file:" + home.resolve("rec/db").toAbsolutePath()
                + ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE Pump (PumpId INT PRIMARY KEY, Tag VARCHAR(20) NOT NULL, Serial VARCHAR(20),"
                    + " Flow DECIMAL(8,2), FedBy VARCHAR(20), Substance VARCHAR(20))");
            statement.execute("INSERT INTO Pump VALUES (1, 'P1', 'SN-1', 10.0, NULL, NULL),"
                    + " (2, 'P2', 'SN-2', 12.5, 'P1', 'Water'), (3, 'P3', 'SN-3', 8.25, 'P2', 'ChilledWater')");
            return url;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the pump database", e);
        }
    }

    /** A copy of the published ontology folder at {@code target}. */
    static void copyOntology(Path target) {
        PublicOntology.REC_V3.copyTo(target);
    }

    /** The settings that point a Spring test at the home and its database. */
    static void register(DynamicPropertyRegistry registry, Path home, String sourceUrl) {
        registry.add("twinsync.home", home::toString);
        registry.add("twinsync.source.url", () -> sourceUrl);
        registry.add("twinsync.mapping", () -> home.resolve("rec/mapping.yaml").toString());
    }
}
