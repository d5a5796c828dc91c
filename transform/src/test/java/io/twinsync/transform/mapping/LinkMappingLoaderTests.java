package io.twinsync.transform.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.transform.TestMappings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Link entities ({@code relationship:} instead of {@code twin:}) as the loader reads and checks them. */
class LinkMappingLoaderTests {

    private static final String THING =
            """
              - name: thing
                source: { table: Thing, key: [Id] }
                twin:
                  model: dtmi:test:Thing;1
                  id: "thing-{Code}"
            """;

    @TempDir
    Path dir;

    private Mapping load(String entities) {
        return MappingLoader.load(TestMappings.write(dir, entities));
    }

    @Test
    void aLinkEntityLoadsWithItsSourceEntityTemplatesPropertiesStaleRuleAndDeletionFlag() {
        // given a link table thing_link(FromCode, ToCode, Since, Removed) mapped to linksTo relationships
        Mapping mapping = load(
                THING
                        + """
                  - name: thing-link
                    source: { table: thing_link, key: [FromCode, ToCode] }
                    relationship:
                      name: linksTo
                      sourceEntity: thing
                      source: "thing-{FromCode}"
                      target: "thing-{ToCode}"
                      stale: remove
                      properties: { since: Since }
                      deleted: { column: Removed, when: ["Y"] }
                """);

        // then it is a link of thing, not a twin entity
        assertThat(mapping.entities()).extracting(EntityMapping::name).containsExactly("thing");
        assertThat(mapping.links()).hasSize(1);
        LinkMapping link = mapping.links().get(0);
        assertThat(link.sourceEntity()).isEqualTo("thing");
        assertThat(link.sourceId().text()).isEqualTo("thing-{FromCode}");
        assertThat(link.relationship().name()).isEqualTo("linksTo");
        assertThat(link.relationship().target().text()).isEqualTo("thing-{ToCode}");
        assertThat(link.relationship().removeStale()).isTrue();
        assertThat(link.relationship().properties())
                .extracting(PropertySpec::property)
                .containsExactly("since");
        assertThat(link.deleted()).isEqualTo(new DeletionFlag("Removed", java.util.List.of("Y")));
        assertThat(link.missing()).isEqualTo(new MissingRows(MissingRows.DEFAULT_LIMIT));
        assertThat(link.columns()).containsExactly("FromCode", "ToCode", "Since", "Removed");
        assertThat(mapping.linksFrom("thing")).containsExactly(link);
    }

    @Test
    void aLinkWithoutSourceEntitySourceOrTargetNamesEachMissingKey() {
        assertThatThrownBy(
                        () -> load(
                                THING
                                        + """
                          - name: thing-link
                            source: { table: thing_link, key: [FromCode, ToCode] }
                            relationship:
                              name: linksTo
                        """))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .contains(
                                "entity 'thing-link': relationship.sourceEntity: is required",
                                "entity 'thing-link': relationship.source: is required",
                                "entity 'thing-link': relationship.target: is required"));
    }

    @Test
    void aSourceEntityThatIsNoTwinEntityIsRefusedNamingTheTwinEntities() {
        assertThatThrownBy(
                        () -> load(
                                THING
                                        + """
                          - name: thing-link
                            source: { table: thing_link, key: [FromCode, ToCode] }
                            relationship:
                              name: linksTo
                              sourceEntity: thingy
                              source: "thing-{FromCode}"
                              target: "thing-{ToCode}"
                        """))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("relationship.sourceEntity: there is no twin entity 'thingy'")
                .hasMessageContaining("[thing]");
    }

    @Test
    void aNameTheSourceModelDoesNotDeclareIsRefusedListingItsRelationships() {
        assertThatThrownBy(
                        () -> load(
                                THING
                                        + """
                          - name: thing-link
                            source: { table: thing_link, key: [FromCode, ToCode] }
                            relationship:
                              name: tagged
                              sourceEntity: thing
                              source: "thing-{FromCode}"
                              target: "tag-{ToCode}"
                        """))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("relationship.name: dtmi:test:Thing;1 (with the interfaces it extends) has no"
                        + " relationship 'tagged'")
                .hasMessageContaining("linksTo");
    }

    @Test
    void aPropertyTheRelationshipDoesNotDeclareIsRefused() {
        assertThatThrownBy(
                        () -> load(
                                THING
                                        + """
                          - name: thing-link
                            source: { table: thing_link, key: [FromCode, ToCode] }
                            relationship:
                              name: linksTo
                              sourceEntity: thing
                              source: "thing-{FromCode}"
                              target: "thing-{ToCode}"
                              properties: { role: Role }
                        """))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("relationship 'linksTo' of dtmi:test:Thing;1 has no property 'role'");
    }

    @Test
    void aSourceTemplateWithoutAColumnIsRefused() {
        assertThatThrownBy(
                        () -> load(
                                THING
                                        + """
                          - name: thing-link
                            source: { table: thing_link, key: [FromCode, ToCode] }
                            relationship:
                              name: linksTo
                              sourceEntity: thing
                              source: "thing-1"
                              target: "thing-{ToCode}"
                        """))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("relationship.source: \"thing-1\" uses no column");
    }

    @Test
    void aLinkEntityMayBeReadIncrementally() {
        // given a link entity with a watermark (its source entity read whole)
        Mapping mapping = load(
                THING
                        + """
                  - name: thing-link
                    source: { table: thing_link, key: [FromCode, ToCode], watermark: ChangedAt }
                    relationship:
                      name: linksTo
                      sourceEntity: thing
                      source: "thing-{FromCode}"
                      target: "thing-{ToCode}"
                      stale: remove
                      deleted: { column: Removed }
                """);

        // then it loads with its watermark: transform merges its changed rows with the last committed ones
        assertThat(mapping.links().get(0).source().watermark()).isEqualTo("ChangedAt");
    }

    @Test
    void aSourceEntityReadIncrementallyIsRefusedSinceItsFilesCarryTheLinks() {
        assertThatThrownBy(
                        () -> load(
                                """
                          - name: thing
                            source: { table: Thing, key: [Id], watermark: ChangedAt }
                            twin:
                              model: dtmi:test:Thing;1
                              id: "thing-{Code}"
                          - name: thing-link
                            source: { table: thing_link, key: [FromCode, ToCode] }
                            relationship:
                              name: linksTo
                              sourceEntity: thing
                              source: "thing-{FromCode}"
                              target: "thing-{ToCode}"
                        """))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("entity 'thing-link': relationship.sourceEntity: entity 'thing' is read"
                        + " incrementally (source.watermark)");
    }

    @Test
    void aNameMappedBothFromTheTwinRowAndFromALinkEntityIsRefused() {
        assertThatThrownBy(
                        () -> load(
                                """
                          - name: thing
                            source: { table: Thing, key: [Id] }
                            twin:
                              model: dtmi:test:Thing;1
                              id: "thing-{Code}"
                            relationships:
                              - { name: linksTo, target: "thing-{Link}" }
                          - name: thing-link
                            source: { table: thing_link, key: [FromCode, ToCode] }
                            relationship:
                              name: linksTo
                              sourceEntity: thing
                              source: "thing-{FromCode}"
                              target: "thing-{ToCode}"
                        """))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("entity 'thing' maps relationship 'linksTo' itself");
    }

    @Test
    void aDeletionFlagWithoutStaleRemoveIsRefusedSinceItWouldDeleteNothing() {
        assertThatThrownBy(
                        () -> load(
                                THING
                                        + """
                          - name: thing-link
                            source: { table: thing_link, key: [FromCode, ToCode] }
                            relationship:
                              name: linksTo
                              sourceEntity: thing
                              source: "thing-{FromCode}"
                              target: "thing-{ToCode}"
                              deleted: { column: Removed }
                        """))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("relationship.deleted: a deleted link row removes its relationship only with"
                        + " stale: remove");
    }

    @Test
    void anEntityWithBothTwinAndRelationshipIsRefused() {
        assertThatThrownBy(
                        () -> load(
                                """
                          - name: thing
                            source: { table: Thing, key: [Id] }
                            twin:
                              model: dtmi:test:Thing;1
                              id: "thing-{Code}"
                            relationship:
                              name: linksTo
                              sourceEntity: thing
                              source: "thing-{FromCode}"
                              target: "thing-{ToCode}"
                        """))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(
                        "entity 'thing': twin: a link entity (relationship) makes each row one" + " relationship");
    }

    @Test
    void changeTrackingOnALinkEntityIsRefused() {
        assertThatThrownBy(() -> load(THING + LINK.formatted(", changeTracking: true")))
                .isInstanceOfSatisfying(
                        MappingException.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                                .startsWith("entity 'thing-link': source")
                                .contains("changeTracking is for twin entities")));
    }

    @Test
    void changeTrackingOnALinksSourceEntityIsRefused() {
        // given the twin entity read through change tracking, whose twin files carry the link relationships
        String thing = THING.replace("key: [Id] }", "key: [Id], changeTracking: true }")
                .replace("thing-{Code}", "thing-{Id}");

        assertThatThrownBy(() -> load(thing + LINK.formatted("")))
                .isInstanceOfSatisfying(
                        MappingException.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                                .contains("relationship.sourceEntity")
                                .contains("(source.changeTracking)")));
    }

    @Test
    void aMissingLimitIsTakenAndOneOutsideZeroToOneIsRefused() {
        String link = LINK.formatted("") + "      missingLimit: %s\n";

        assertThat(load(THING + link.formatted("0.9")).links().get(0).missing()).isEqualTo(new MissingRows(0.9));
        assertThatThrownBy(() -> load(THING + link.formatted("1.5")))
                .isInstanceOfSatisfying(
                        MappingException.class, e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                                .contains("relationship.missingLimit")
                                .contains("above 0 and at most 1")));
    }

    private static final String LINK =
            """
              - name: thing-link
                source: { table: thing_link, key: [FromCode, ToCode]%s }
                relationship:
                  name: linksTo
                  sourceEntity: thing
                  source: "thing-{FromCode}"
                  target: "thing-{ToCode}"
            """;
}
