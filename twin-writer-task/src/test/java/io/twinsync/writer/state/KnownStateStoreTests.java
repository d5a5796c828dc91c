package io.twinsync.writer.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.StateLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // locks are held by try blocks, not used in them
class KnownStateStoreTests {

    @TempDir
    Path root;

    @Test
    void savesAndLoadsTwinsUnderTheTargetKey() {
        // given
        StateArea area = new LocalStagingStore(root).state();
        KnownStateStore store = new KnownStateStore(area, "localhost-8443");
        KnownState state = KnownState.empty();
        state.record(new KnownTwin("pump-1", "sha256:aa", "W/\"1\""));

        // when
        store.save(state);
        KnownState loaded = store.load();

        // then
        assertThat(root.resolve("state/writer/localhost-8443/known-twins.ndjson"))
                .exists();
        assertThat(loaded.isApplied("pump-1", "sha256:aa")).isTrue();
        assertThat(loaded.isApplied("pump-1", "sha256:bb")).isFalse();
    }

    @Test
    void keepsOneFilePerTargetWhateverThePartitionLayout() {
        // given
        StateArea area = new LocalStagingStore(root).state();

        // when
        KnownStateStore store = new KnownStateStore(area, "adt.example");

        // then
        assertThat(store.path()).isEqualTo("writer/adt.example/known-twins.ndjson");
    }

    @Test
    void aSecondWriterForTheSameTargetFailsAtOnceSayingAnotherIsRunning() {
        // given a writer holding the target's lock
        KnownStateStore first = new KnownStateStore(new LocalStagingStore(root).state(), "adt.example");
        try (StateLock held = first.lock()) {
            KnownStateStore second = new KnownStateStore(new LocalStagingStore(root).state(), "adt.example");

            // when another writer for the same target asks for it / then it is told why, and which file
            assertThatThrownBy(second::lock)
                    .isInstanceOf(StagingException.class)
                    .hasMessageContaining("Another twinsync writer is running against target adt.example")
                    .hasMessageContaining(
                            root.resolve("state/writer/adt.example/writer.lock").toString())
                    .hasMessageContaining("Wait for it to finish, or stop it");
        }
    }

    @Test
    void writersOfDifferentTargetsDoNotBlockEachOther() {
        // given a writer holding one target's lock
        StateArea area = new LocalStagingStore(root).state();
        try (StateLock held = new KnownStateStore(area, "adt-one").lock();
                // when a writer of another target locks / then it gets its lock
                StateLock other = new KnownStateStore(area, "adt-two").lock()) {
            assertThat(root.resolve("state/writer/adt-two/writer.lock")).exists();
        }
    }

    @Test
    void startsEmptyWhenThereIsNoFile() {
        // when
        KnownState loaded = new KnownStateStore(new LocalStagingStore(root).state(), "t").load();

        // then
        assertThat(loaded.sorted()).isEqualTo(List.of());
    }

    @Test
    void explainsHowToRecoverFromACorruptFile() throws Exception {
        // given
        StateArea area = new LocalStagingStore(root).state();
        try (StagedOutput out = area.create("writer/t/known-twins.ndjson")) {
            out.write("{not json\n".getBytes(StandardCharsets.UTF_8));
            out.commit();
        }

        // when / then
        assertThatThrownBy(() -> new KnownStateStore(area, "t").load())
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("Delete the file to start over");
        assertThat(Files.exists(root.resolve("state/writer/t/known-twins.ndjson")))
                .isTrue();
    }

    @Test
    void refusesATargetKeyThatCouldEscapeTheFolder() {
        // when / then
        assertThatThrownBy(() -> new KnownStateStore(new LocalStagingStore(root).state(), "../x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AdtTarget.stateKey()");
    }
}
