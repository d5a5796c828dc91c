package io.twinsync.sample.erp.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeneratedSizesTests {

    @Test
    void theSeedsSizeHasTheSeedsMix() {
        assertThat(GeneratedSizes.of(347)).isEqualTo(new GeneratedSizes(12, 3, 8, 24, 300));
    }

    @Test
    void everySizeAddsUpToTheRowsAskedForAndKeepsTheMix() {
        for (long rows : new long[] {16, 17, 100, 1_000, 99_999, 100_000, 1_000_000}) {
            GeneratedSizes sizes = GeneratedSizes.of(rows);
            assertThat(sizes.total()).as("rows %d", rows).isEqualTo(rows);
            assertThat(sizes.sites()).isPositive();
            assertThat(sizes.buildings()).isGreaterThanOrEqualTo(sizes.sites());
            assertThat(sizes.lines()).isGreaterThanOrEqualTo(sizes.buildings());
            assertThat(sizes.equipment()).isGreaterThanOrEqualTo(sizes.lines() / 24);
        }
        GeneratedSizes million = GeneratedSizes.of(1_000_000);
        assertThat((double) million.equipment() / million.total()).isBetween(0.89, 0.90);
        assertThat((double) million.lines() / million.equipment()).isBetween(0.079, 0.081);
    }

    @Test
    void tooFewOrTooManyRowsAreRefusedWithTheRange() {
        assertThatThrownBy(() -> GeneratedSizes.of(15)).hasMessageContaining("from 16 to 100000000; got 15");
        assertThatThrownBy(() -> GeneratedSizes.of(100_000_001)).hasMessageContaining("got 100000001");
    }
}
