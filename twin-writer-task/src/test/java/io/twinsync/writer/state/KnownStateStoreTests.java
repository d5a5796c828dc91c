package io.twinsync.writer.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.LocalStagingStore;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.StateArea;
import io.twinsync.staging.StateLock;
import io.twinsync.writer.Partition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // locks are held by try blocks, not used in them
class KnownStateStoreTests {

    @TempDir
    Path root;

    @Test
    void aPartitionLoadsTheEntriesOfItsOwnTwinsOnly() {
        // given the state of 100 twins
        KnownStateStore store = new KnownStateStore(new LocalStagingStore(root).state(), "t");
        KnownState state = KnownState.empty();
        for (int i = 0; i < 100; i++) {
            state.record(new KnownTwin("pump-" + i, "sha256:" + i, "W/\"" + i + "\""));
        }
        store.save(state);
        Partition first = new Partition(1, 2);

        // when
        KnownState loaded = store.load(first);

        // then it holds exactly the twins whose files the partition writes, as they were saved
        List<String> mine = state.sorted().stream()
                .map(KnownTwin::twinId)
                .filter(id -> first.contains(BatchLayout.twinFile(id)))
                .toList();
        assertThat(mine).isNotEmpty().hasSizeLessThan(100);
        assertThat(loaded.sorted()).map(KnownTwin::twinId).containsExactlyElementsOf(mine);
        assertThat(loaded.sorted())
                .allMatch(twin -> state.get(twin.twinId()).orElseThrow().equals(twin));
    }

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
        try (StateLock held = first.lock(Partition.ALL)) {
            KnownStateStore second = new KnownStateStore(new LocalStagingStore(root).state(), "adt.example");

            // when another writer for the same target asks for it / then it is told why, and which file
            assertThatThrownBy(() -> second.lock(Partition.ALL))
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
        try (StateLock held = new KnownStateStore(area, "adt-one").lock(Partition.ALL);
                // when a writer of another target locks / then it gets its lock
                StateLock other = new KnownStateStore(area, "adt-two").lock(Partition.ALL)) {
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

    @Test
    void aMergedSaveReplacesOnlyItsOwnTwinsAndKeepsWhatOtherPartitionsSaved() {
        // given a saved state with twins a and b (b from another partition) and d
        KnownStateStore store = new KnownStateStore(new LocalStagingStore(root).state(), "t");
        KnownState saved = KnownState.empty();
        saved.record(new KnownTwin("a", "sha256:a1", "W/\"1\""));
        saved.record(new KnownTwin("b", "sha256:b1", "W/\"1\""));
        saved.record(new KnownTwin("d", "sha256:d1", "W/\"1\""));
        store.save(saved);

        // when a partition that wrote a, c and d (d failed, so it is forgotten) saves what it knows
        KnownState mine = KnownState.empty();
        mine.record(new KnownTwin("a", "sha256:a2", "W/\"2\""));
        mine.record(new KnownTwin("c", "sha256:c1", "W/\"1\""));
        store.saveMerged(mine, List.of("a", "c", "d"), Duration.ofSeconds(5));

        // then its twins are as it says, and b is as the other partition saved it
        KnownState loaded = store.load();
        assertThat(loaded.isApplied("a", "sha256:a2")).isTrue();
        assertThat(loaded.isApplied("b", "sha256:b1")).isTrue();
        assertThat(loaded.isApplied("c", "sha256:c1")).isTrue();
        assertThat(loaded.get("d")).isEmpty();
    }

    @Test
    void aMergedSaveKeepsTheFileSortedByTwinId() throws Exception {
        // given a saved state of b, d and f
        KnownStateStore store = new KnownStateStore(new LocalStagingStore(root).state(), "t");
        KnownState saved = KnownState.empty();
        for (String id : List.of("b", "d", "f")) {
            saved.record(new KnownTwin(id, "sha256:" + id, "W/\"1\""));
        }
        store.save(saved);

        // when a partition that wrote a, d, e and g saves them
        KnownState mine = KnownState.empty();
        for (String id : List.of("a", "d", "e", "g")) {
            mine.record(new KnownTwin(id, "sha256:" + id + "2", "W/\"2\""));
        }
        store.saveMerged(mine, List.of("a", "d", "e", "g"), Duration.ofSeconds(5));

        // then the file lists every twin once, in order, d as the partition saved it
        List<String> lines = Files.readAllLines(root.resolve("state/writer/t/known-twins.ndjson"));
        assertThat(lines)
                .extracting(line -> line.substring(line.indexOf(':') + 2, line.indexOf(':') + 3))
                .containsExactly("a", "b", "d", "e", "f", "g");
        assertThat(store.load().isApplied("d", "sha256:d2")).isTrue();
    }

    @Test
    void writersOfDifferentPartitionsLockApartAndTheSamePartitionIsRefused() {
        // given the writer of partition 1/2 holding its lock
        StateArea area = new LocalStagingStore(root).state();
        KnownStateStore store = new KnownStateStore(area, "t");
        try (StateLock first = store.lock(new Partition(1, 2))) {

            // when partition 2/2 locks / then it gets its lock; and a second writer of 1/2 is refused
            try (StateLock second = store.lock(new Partition(2, 2))) {
                assertThatThrownBy(() ->
                                new KnownStateStore(new LocalStagingStore(root).state(), "t").lock(new Partition(1, 2)))
                        .hasMessageContaining("for partition 1/2")
                        .hasMessageContaining("writer-part-1-of-2.lock");
            }
        }
    }

    @Test
    void aMergedSaveWaitsForAnotherPartitionsSaveAndGivesUpAfterTheWaitSayingSo() {
        // given another partition holding the short save lock
        StateArea area = new LocalStagingStore(root).state();
        KnownStateStore store = new KnownStateStore(area, "t");
        try (StateLock saving = area.lock("writer/t/known-state.lock")) {

            // when this partition saves with a short wait / then it reports that the lock stayed held
            assertThatThrownBy(() -> store.saveMerged(KnownState.empty(), List.of("a"), Duration.ofMillis(300)))
                    .isInstanceOf(StagingException.class)
                    .hasMessageContaining("stayed locked")
                    .hasMessageContaining("the next run compares them with ADT once");
        }
    }
}
