package io.twinsync.writer.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.staging.BatchId;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoRollbackTests {

    private static final BatchId REPLAYED = new BatchId("20260102T000000000Z-bbbbbb");
    private static final String OLDER = "20260101T000000000Z-aaaaaa";
    private static final String NEWER = "20260103T000000000Z-cccccc";

    private static NoRollback withEntry(KnownTwin entry) {
        return new NoRollback(new KnownState(List.of(entry)), REPLAYED);
    }

    @Test
    void aTwinANewerBatchAppliedOtherContentToIsSkippedNamingThatBatch() {
        NoRollback rule = withEntry(new KnownTwin("x", "newer content", "e", NEWER));

        assertThat(rule.whySkip("x", "replayed content"))
                .hasValueSatisfying(why -> assertThat(why).contains(NEWER, "newer"));
    }

    @Test
    void aTwinOfTheReplayedBatchOrAnOlderOneOrNoneIsApplied() {
        assertThat(withEntry(new KnownTwin("x", "h", "e", REPLAYED.value())).whySkip("x", "other"))
                .isEmpty();
        assertThat(withEntry(new KnownTwin("x", "h", "e", OLDER)).whySkip("x", "other"))
                .isEmpty();
        assertThat(withEntry(new KnownTwin("x", "h", "e", NEWER)).whySkip("not-known", "other"))
                .isEmpty();
    }

    @Test
    void aTwinANewerBatchFoundUnchangedIsNotSkippedSinceItsFileIsTheSame() {
        assertThat(withEntry(new KnownTwin("x", "same", "e", NEWER)).whySkip("x", "same"))
                .isEmpty();
    }

    @Test
    void aTwinWhoseBatchIsNotRecordedIsSkippedSinceItsAgeIsUnknown() {
        assertThat(withEntry(new KnownTwin("x", "h", "e")).whySkip("x", "other"))
                .hasValueSatisfying(why -> assertThat(why).contains("earlier twinsync version"));
    }
}
