package io.twinsync.transform.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchId;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagedFolder;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinFileSinkTests {

    @TempDir
    Path dir;

    @Test
    void withManyWritersTheFirstRowOfATwinIdAlwaysWins() throws Exception {
        // given 2,000 rows over 500 twin ids, each id four times, written by four writer threads
        Batch batch = new LocalStagingStore(dir).createBatch(BatchId.newId(Instant.now()));
        List<TwinFileSink.Duplicate> duplicates;
        try (StagedFolder twins = batch.createFolder(BatchLayout.TWINS);
                TwinFileSink sink = new TwinFileSink(twins, 4)) {
            for (int row = 1; row <= 2000; row++) {
                sink.write(twin("t-" + (row % 500), row), row);
            }

            // when flushed
            duplicates = sink.flush();
            twins.commit();
        }

        // then every later row is a duplicate, in row order, and each file holds its id's first row
        assertThat(duplicates).hasSize(1500);
        assertThat(duplicates).extracting(TwinFileSink.Duplicate::rowNumber).isSorted();
        assertThat(duplicates).allSatisfy(d -> assertThat(d.rowNumber()).isGreaterThan(500));
        assertThat(duplicates.get(0).problem().code()).isEqualTo(RejectCode.DUPLICATE_TWIN_ID);
        assertThat(batch.list(BatchLayout.TWINS)).hasSize(500);
        for (int id = 0; id < 500; id++) {
            try (InputStream in = batch.open(BatchLayout.twinFile("t-" + id))) {
                TwinFile file = TwinFileCodec.read(in, "t-" + id);
                int firstRow = id == 0 ? 500 : id;
                assertThat(file.sourceKey().get("Row").asInt()).isEqualTo(firstRow);
            }
        }
    }

    @Test
    void aWriterThatFailsFailsTheCallerWithTheCause() {
        // given a folder whose files cannot be created
        StagedFolder broken = new FailingFolder();
        try (TwinFileSink sink = new TwinFileSink(broken, 2)) {
            sink.write(twin("t-1", 1), 1);

            // when flushed, then the writer's failure reaches the caller
            assertThatThrownBy(sink::flush).isInstanceOf(StagingException.class).hasMessageContaining("disk full");
        }
    }

    @Test
    void anErrorInAWriterFailsTheCallerInsteadOfLeavingItWaiting() {
        // given a folder whose writes end in an Error, as an OutOfMemoryError would
        StagedFolder failing = new FailingFolder() {
            @Override
            public Optional<StagedOutput> createNew(String name) {
                throw new OutOfMemoryError("simulated");
            }
        };
        try (TwinFileSink sink = new TwinFileSink(failing, 2)) {
            sink.write(twin("t-1", 1), 1);

            // when flushed, then the failure surfaces (the test would hang here otherwise)
            assertThatThrownBy(sink::flush).isInstanceOf(StagingException.class).hasMessageContaining("simulated");
        }
    }

    private static TwinFile twin(String id, int row) {
        ObjectNode twin = JsonNodeFactory.instance.objectNode();
        twin.put("$dtId", id);
        twin.putObject("$metadata").put("$model", "dtmi:test:Thing;1");
        ObjectNode key = JsonNodeFactory.instance.objectNode().put("Row", row);
        return TwinFile.of("thing", key, false, twin, List.of(), List.of());
    }

    /** A folder that fails every write, as a full disk would. */
    private static class FailingFolder implements StagedFolder {

        @Override
        public String path() {
            return "twins/";
        }

        @Override
        public Optional<StagedOutput> createNew(String name) {
            throw new StagingException("Cannot write twins/" + name + ": disk full");
        }

        @Override
        public boolean exists(String name) {
            return false;
        }

        @Override
        public InputStream open(String name) {
            throw new StagingException("no " + name);
        }

        @Override
        public void commit() {}

        @Override
        public void close() {}
    }
}
