package io.twinsync.writer.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StateArea;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownStateStoreTests {

    @TempDir
    Path root;

    @Test
    void savesAndLoadsTwinsUnderTheTargetKey() {
        // given
        StateArea area = new LocalStagingStore(root).state();
        KnownStateStore store = new KnownStateStore(area, "localhost-8443", null);
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
    void keepsEachPartitionInItsOwnFile() {
        // given
        StateArea area = new LocalStagingStore(root).state();

        // when
        KnownStateStore store = new KnownStateStore(area, "adt.example", "part-2-of-4");

        // then
        assertThat(store.path()).isEqualTo("writer/adt.example/known-twins-part-2-of-4.ndjson");
    }

    @Test
    void startsEmptyWhenThereIsNoFile() {
        // when
        KnownState loaded = new KnownStateStore(new LocalStagingStore(root).state(), "t", null).load();

        // then
        assertThat(loaded.sorted()).isEqualTo(List.of());
    }

    @Test
    void explainsHowToRecoverFromACorruptFile() throws Exception {
        // given
        StateArea area = new LocalStagingStore(root).state();
        try (OutputStream out = area.create("writer/t/known-twins.ndjson")) {
            out.write("{not json\n".getBytes(StandardCharsets.UTF_8));
        }

        // when / then
        assertThatThrownBy(() -> new KnownStateStore(area, "t", null).load())
                .isInstanceOf(StagingException.class)
                .hasMessageContaining("Delete the file to start over");
        assertThat(Files.exists(root.resolve("state/writer/t/known-twins.ndjson")))
                .isTrue();
    }

    @Test
    void refusesATargetKeyThatCouldEscapeTheFolder() {
        // when / then
        assertThatThrownBy(() -> new KnownStateStore(new LocalStagingStore(root).state(), "../x", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AdtTarget.stateKey()");
    }
}
