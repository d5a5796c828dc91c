package io.twinsync.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.orchestrator.TwinsyncProcesses.Result;
import io.twinsync.orchestrator.TwinsyncProcesses.StandaloneEmulator;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.AdtClients;
import io.twinsync.writer.AdtTarget;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.client.PemCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted equipment rows in the sample ERP, synced by the packaged CLI into a standalone emulator: asset tags that
 * make twin ids with quotes, slashes, percent signs, URL delimiters, Unicode (composed and decomposed forms that
 * normalise alike), emoji, 150 characters, padding, control characters and 1,106 characters; a row with every
 * nullable column NULL; and a row stamped 9999-12-31. Ids twinsync's id rules refuse are set aside with their reason,
 * every other id makes the round trip exactly, and later runs, drift checks and full compares leave them be.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CraftedInputIntegrationTests {

    private static final String H2_OPTIONS =
            ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    private static final int SAMPLE_TWINS = 347;
    private static final String EVERYTHING_AT_ONCE = "O'Brien \"Q\" /A?b#c%2F d+e&f";

    /** Asset tag to the twin id it must give (the sample mapping trims each column value that goes into an id). */
    private static final Map<String, String> ACCEPTED = new LinkedHashMap<>();

    /** Asset tag to what the reject must say about it. */
    private static final Map<String, String> REFUSED = new LinkedHashMap<>();

    static {
        for (String tag : List.of(
                "O'Brien",
                "Say \"Hi\"",
                "A/B/C",
                "../../models",
                "100%",
                "a%2Fb",
                "No#1",
                "Why?x=1",
                "Two  Spaces",
                "a+b&c=d",
                "C:\\dir",
                "x'; DROP TABLE Equipment; --",
                "P\u00fcmpe-\u03a9", // ü and Greek capital omega, composed
                "Pu\u0308mpe-\u2126", // u + combining diaeresis, and the ohm sign: NFC makes it the one above
                "Pump-\uD83D\uDE80", // an emoji: a surrogate pair
                "\u6cf5-\u30dd\u30f3\u30d7",
                "No\u00a0Break", // a no-break space inside is allowed
                "Long-" + "0123456789".repeat(15),
                EVERYTHING_AT_ONCE,
                "NULLS-1")) {
            ACCEPTED.put(tag, "asset-" + tag);
        }
        ACCEPTED.put(" Spaced ", "asset-Spaced");
        ACCEPTED.put("Trail\n", "asset-Trail");
        REFUSED.put("Tab\tHere", "U+0009");
        REFUSED.put("Line\nBreak", "U+000A");
        REFUSED.put("Del\u007fX", "U+007F");
        REFUSED.put("Nel\u0085X", "U+0085");
        REFUSED.put("X".repeat(1100), "1106 characters");
    }

    /** Each crafted row's EquipmentId to its asset tag. */
    private static final Map<Integer, String> TAGS = new LinkedHashMap<>();

    @TempDir
    static Path dir;

    private static Path home;
    private static StandaloneEmulator adt;
    private static Result craftedRun;

    @BeforeAll
    static void syncTheCraftedRows() throws Exception {
        adt = new StandaloneEmulator(dir.resolve("adt"), TwinsyncProcesses.freePort()).start();
        home = dir.resolve("home");
        Result firstLoad = TwinsyncProcesses.run(home, adt.target(), "run");
        assertThat(firstLoad.code()).as(firstLoad.output()).isZero();

        // The sample schema caps asset tags at 30 characters; ERP keys can be longer.
        sql("ALTER TABLE Equipment ALTER COLUMN AssetTag VARCHAR(2000)");
        try (Connection connection = DriverManager.getConnection(sampleErp());
                PreparedStatement insert = connection.prepareStatement("INSERT INTO Equipment (EquipmentId,"
                        + " AssetTag, LineId, CostCenterId, Name, Category, Status, IsCritical, ModifiedAt)"
                        + " VALUES (?, ?, ?, ?, ?, 'Pump', 'Running', FALSE, CURRENT_TIMESTAMP)")) {
            int id = 5000;
            for (String tag : Stream.concat(ACCEPTED.keySet().stream(), REFUSED.keySet().stream())
                    .toList()) {
                boolean nulls = tag.equals("NULLS-1");
                TAGS.put(++id, tag);
                insert.setInt(1, id);
                insert.setString(2, tag);
                // every nullable column NULL (no line, no cost centre, no nameplate, ...), and an empty name
                insert.setObject(3, nulls ? null : 1);
                insert.setObject(4, nulls ? null : 1);
                insert.setString(5, nulls ? "" : "Crafted " + id);
                insert.executeUpdate();
            }
        }
        craftedRun = TwinsyncProcesses.run(home, adt.target(), "run");
    }

    @AfterAll
    static void stopTheEmulator() {
        if (adt != null) {
            adt.close();
        }
    }

    @Test
    @Order(1)
    void idsTheRulesRefuseAreSetAsideWithTheirReasonAndEveryOtherRowIsSynced() throws Exception {
        // given the crafted rows synced once (in the set-up)

        // then the run ends PARTIAL, each refused id in the reject file with its reason, and every other row a twin
        assertThat(craftedRun.code()).as(craftedRun.output()).isEqualTo(3);
        assertThat(craftedRun.output()).contains("result     PARTIAL").contains("INVALID_TWIN_ID=" + REFUSED.size());
        List<JsonNode> rejects = rejects(craftedRun);
        assertThat(rejects).hasSize(REFUSED.size());
        for (JsonNode reject : rejects) {
            String tag = TAGS.get(reject.path("rowKey").path("EquipmentId").asInt());
            assertThat(REFUSED)
                    .as("a reject of a row the rules refuse: " + reject)
                    .containsKey(tag);
            assertThat(reject.path("code").asText()).isEqualTo("INVALID_TWIN_ID");
            assertThat(reject.path("reason").asText()).contains(REFUSED.get(tag));
        }
        assertThat(graph().twins()).hasSize(SAMPLE_TWINS + ACCEPTED.size()).containsKeys(ids());
    }

    @Test
    @Order(2)
    void everyOtherCraftedIdRoundTripsExactly() throws Exception {
        // given the crafted rows synced once (in the set-up)
        DigitalTwinsClient client = client();

        // when each twin is read back by its id (a URL path segment) and listed by a query
        // then each has exactly the id and asset tag its row gave, composed and decomposed forms apart
        for (Map.Entry<String, String> crafted : ACCEPTED.entrySet()) {
            JsonNode twin = StagingJson.mapper().readTree(client.getDigitalTwin(crafted.getValue(), String.class));
            assertThat(twin.path("$dtId").asText()).isEqualTo(crafted.getValue());
            assertThat(twin.path("assetTag").asText()).isEqualTo(crafted.getKey());
        }
        assertThat(graph().twins().keySet()).containsAll(ACCEPTED.values());

        // and the row of NULLs makes a twin without relationships, its empty name kept
        JsonNode nulls = StagingJson.mapper().readTree(client.getDigitalTwin("asset-NULLS-1", String.class));
        assertThat(nulls.path("name").asText()).isEmpty();
        assertThat(nulls.path("isSpare").asBoolean()).isTrue();
        assertThat(client.listRelationships("asset-NULLS-1", BasicRelationship.class))
                .isEmpty();

        // and the CLI, given the worst id as an argument, prints that twin
        Result twin = TwinsyncProcesses.run(home, adt.target(), "twin", "asset-" + EVERYTHING_AT_ONCE);
        assertThat(twin.code()).as(twin.output()).isZero();
        JsonNode printed = StagingJson.mapper()
                .readTree(twin.output().substring(twin.output().indexOf('{')));
        assertThat(printed.path("$dtId").asText()).isEqualTo("asset-" + EVERYTHING_AT_ONCE);
    }

    @Test
    @Order(3)
    void aSecondRunSendsNothingForThem() throws Exception {
        // when the same rows are synced again
        Result again = TwinsyncProcesses.run(home, adt.target(), "run");

        // then nothing is created or patched: the only request is the model check
        assertThat(again.code()).as(again.output()).isZero();
        assertThat(again.output())
                .containsPattern("twins +0 created, 0 patched")
                .contains("requests   1 sent");
    }

    @Test
    @Order(4)
    void aDriftCheckFindsNone() throws Exception {
        // when the graph is checked against what twinsync wrote
        Result drift = TwinsyncProcesses.run(home, adt.target(), "drift");

        // then every crafted id was found with the ETag twinsync recorded
        assertThat(drift.code()).as(drift.output()).isZero();
        assertThat(drift.output()).containsPattern((SAMPLE_TWINS + ACCEPTED.size()) + " twins .*: none");
    }

    @Test
    @Order(5)
    void aFullCompareLeavesThemAsTheyAre() throws Exception {
        // given the graph as the crafted run left it
        GraphDump before = graph();

        // when every row is read and compared with every twin of the mapped models
        Result compare = TwinsyncProcesses.run(home, adt.target(), "run", "--full-compare");

        // then nothing is created, patched or deleted (the refused rows are refused again, so the run is PARTIAL)
        assertThat(compare.code()).as(compare.output()).isEqualTo(3);
        assertThat(compare.output())
                .containsPattern("twins +0 created, 0 patched, \\d+ unchanged, 0 deleted, 0 failed")
                .containsPattern("relationships +0 created, 0 patched, \\d+ unchanged, 0 deleted, 0 failed")
                .contains("INVALID_TWIN_ID=" + REFUSED.size());
        assertThat(graph()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void aRowStampedFarInTheFutureDoesNotHideLaterChanges() throws Exception {
        // given a row whose ModifiedAt is 9999-12-31, synced
        sql("INSERT INTO Equipment (EquipmentId, AssetTag, LineId, CostCenterId, Name, Category, Status, IsCritical,"
                + " ModifiedAt) VALUES (6000, 'FUTURE-1', 1, 1, 'Stamped 9999', 'Pump', 'Running', FALSE,"
                + " TIMESTAMP '9999-12-31 23:59:59')");
        Result future = TwinsyncProcesses.run(home, adt.target(), "run");
        assertThat(future.code()).as(future.output()).isZero();
        assertThat(future.output()).containsPattern("twins +1 created").contains("1 row has ModifiedAt beyond");

        // when a pump is then changed as the ERP changes it, stamped with the real time, and synced
        sql("UPDATE Equipment SET Status = 'Maintenance', ModifiedAt = CURRENT_TIMESTAMP WHERE AssetTag = 'PMP-0001'");
        Result later = TwinsyncProcesses.run(home, adt.target(), "run");

        // then the change is read and written (the future row, read again, is unchanged), not skipped for good
        assertThat(later.code()).as(later.output()).isZero();
        assertThat(later.output()).containsPattern("equipment 2\\b").containsPattern("twins +0 created, 1 patched");
        JsonNode pump = StagingJson.mapper().readTree(client().getDigitalTwin("asset-PMP-0001", String.class));
        assertThat(pump.path("status").asText()).isEqualTo("maintenance");
    }

    private static String[] ids() {
        return ACCEPTED.values().toArray(String[]::new);
    }

    /** The reject file of the batch the run printed. */
    private static List<JsonNode> rejects(Result run) throws Exception {
        Matcher batch = Pattern.compile("twinsync run: batch (\\S+)").matcher(run.output());
        assertThat(batch.find()).as(run.output()).isTrue();
        // read through the store: the batch may be archived by now
        Batch done = new LocalStagingStore(home.resolve("staging")).openBatch(new BatchId(batch.group(1)));
        String content;
        try (InputStream in = done.open("rejects/transform.ndjson")) {
            content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return content.lines()
                .filter(line -> !line.isBlank())
                .map(line -> {
                    try {
                        return StagingJson.mapper().readTree(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .collect(Collectors.toList());
    }

    private static GraphDump graph() {
        return GraphDump.of(adt.endpoint(), adt.certificate());
    }

    private static DigitalTwinsClient client() {
        return AdtClients.create(
                AdtTarget.emulator(URI.create(adt.endpoint()), PemCertificate.read(adt.certificate())),
                WriterSettings.defaults());
    }

    private static String sampleErp() {
        return "jdbc:h2:file:" + home.resolve("sample-erp").resolve("erp") + H2_OPTIONS;
    }

    /** Straight into the sample ERP's file, which no process holds between commands. */
    private static void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(sampleErp());
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
