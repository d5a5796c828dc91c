package io.twinsync.transform.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.transform.validate.TwinIdRules;
import org.junit.jupiter.api.Test;

class RelationshipIdsTests {

    @Test
    void defaultIdIsNameAndTarget() {
        assertThat(RelationshipIds.defaultId("installedOn", "line-RTM-L01")).isEqualTo("installedOn-line-RTM-L01");
    }

    @Test
    void overlongIdIsCutAndEndsWithAHashOfTheWhole() {
        // given two targets of maximum length that differ only at the end
        String a = RelationshipIds.defaultId("feeds", "t".repeat(TwinIdRules.MAX_LENGTH - 1) + "a");
        String b = RelationshipIds.defaultId("feeds", "t".repeat(TwinIdRules.MAX_LENGTH - 1) + "b");

        // then both ids are valid, as long as allowed, and different
        assertThat(a).hasSize(TwinIdRules.MAX_LENGTH).startsWith("feeds-ttt").matches(".*-[0-9a-f]{16}");
        assertThat(TwinIdRules.violation(a)).isEmpty();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        // given a target of emoji so that the cut falls inside a pair
        String id = RelationshipIds.defaultId("feeds", "🔧".repeat(TwinIdRules.MAX_LENGTH / 2));

        // then the id is still well-formed
        assertThat(TwinIdRules.violation(id)).isEmpty();
    }
}
