package io.twinsync.emulator.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimitsTests {

    @Test
    void defaultsAreTheServiceLimits() {
        // when
        RateLimits limits = RateLimits.defaults();

        // then
        assertThat(limits.limit(ApiClass.TWIN_READS)).hasValue(1_000);
        assertThat(limits.limit(ApiClass.TWIN_PATCHES)).hasValue(1_000);
        assertThat(limits.limit(ApiClass.CREATES_DELETES)).hasValue(500);
        assertThat(limits.limit(ApiClass.SINGLE_TWIN_WRITES)).hasValue(10);
        assertThat(limits.limit(ApiClass.QUERIES)).hasValue(500);
        assertThat(limits.limit(ApiClass.MODELS)).hasValue(100);
        assertThat(limits.limit(ApiClass.JOBS)).hasValue(1);
    }

    @Test
    void unlimitedLimitsNothing() {
        // when
        RateLimits limits = RateLimits.unlimited();

        // then
        assertThat(limits.enabled()).isFalse();
        assertThat(limits.limit(ApiClass.TWIN_READS)).isEmpty();
        assertThat(limits.describe()).isEqualTo("off");
    }

    @Test
    void withChangesOneClassAndLeavesTheOriginalAlone() {
        // given
        RateLimits defaults = RateLimits.defaults();

        // when
        RateLimits changed = defaults.with(ApiClass.TWIN_READS, 5);

        // then
        assertThat(changed.limit(ApiClass.TWIN_READS)).hasValue(5);
        assertThat(changed.limit(ApiClass.TWIN_PATCHES)).hasValue(1_000);
        assertThat(defaults.limit(ApiClass.TWIN_READS)).hasValue(1_000);
    }

    @Test
    void aSettingIsWrittenClassEqualsLimitOrOff() {
        // when
        RateLimits limits = RateLimits.defaults().with("reads=2000").with("twin-writes=off");

        // then
        assertThat(limits.limit(ApiClass.TWIN_READS)).hasValue(2_000);
        assertThat(limits.limit(ApiClass.SINGLE_TWIN_WRITES)).isEmpty();
    }

    @Test
    void namedSetsAreServiceAndOff() {
        assertThat(RateLimits.named("service")).isEqualTo(RateLimits.defaults());
        assertThat(RateLimits.named("off")).isEqualTo(RateLimits.unlimited());
    }

    @Test
    void anUnknownClassNamesTheValidOnes() {
        assertThatThrownBy(() -> RateLimits.defaults().with("writes=5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'writes'")
                .hasMessageContaining("reads, patches, creates-deletes, twin-writes, queries, models, jobs");
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> RateLimits.unlimited().with(ApiClass.JOBS, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
