package io.twinsync.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartitionTests {

    @Test
    void parsesIndexAndCount() {
        // when
        Partition partition = Partition.parse("2/4");

        // then
        assertThat(partition).isEqualTo(new Partition(2, 4));
        assertThat(partition.fileName()).isEqualTo("part-2-of-4");
    }

    @Test
    void rejectsAnIndexOutsideTheCountWithAHint() {
        // when / then
        assertThatThrownBy(() -> Partition.parse("5/4")).hasMessageContaining("1 <= i <= n");
        assertThatThrownBy(() -> Partition.parse("one/4")).hasMessageContaining("for example 1/4");
    }

    @Test
    void putsEveryFileInExactlyOnePartition() {
        // given
        List<String> paths = IntStream.range(0, 500)
                .mapToObj(i -> "twins/pump-" + i + ".json")
                .toList();

        // when / then
        for (String path : paths) {
            long owners = IntStream.rangeClosed(1, 4)
                    .filter(i -> new Partition(i, 4).contains(path))
                    .count();
            assertThat(owners).as(path).isEqualTo(1);
        }
        assertThat(paths).allMatch(Partition.ALL::contains);
    }

    @Test
    void spreadsFilesOverAllPartitions() {
        // given
        List<String> paths = IntStream.range(0, 400)
                .mapToObj(i -> "twins/pump-" + i + ".json")
                .toList();

        // when / then
        for (int i = 1; i <= 4; i++) {
            Partition partition = new Partition(i, 4);
            assertThat(paths.stream().filter(partition::contains).count()).isBetween(50L, 150L);
        }
    }
}
