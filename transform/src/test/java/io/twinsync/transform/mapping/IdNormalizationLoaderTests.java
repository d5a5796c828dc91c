package io.twinsync.transform.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.twinsync.transform.TestMappings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level ids defaults, the long form of id templates, and their checks. */
class IdNormalizationLoaderTests {

    @TempDir
    Path dir;

    @Test
    void defaultsApplyToEveryIdTemplateAndTheLongFormOverridesThemKeyByKey() {
        // given defaults, a twin id in the short form, a target in the long form overriding the case
        Path file = TestMappings.writeRaw(
                dir,
                TestMappings.MODELS
                        + """
                        ids: { trim: true, case: lower }
                        entities:
                          - name: thing
                            source: { table: Thing, key: Id }
                            twin:
                              model: dtmi:test:Thing;1
                              id: "thing-{Code}"
                            relationships:
                              - name: linksTo
                                target: { template: "thing-{Link}", case: upper, invalid: replace, replacement: "~" }
                                id: "link-{Link}"
                        """);

        // when loaded
        EntityMapping thing = MappingLoader.load(file).entities().get(0);

        // then each template has the defaults, with the long form's own keys on top
        IdNormalization defaults =
                new IdNormalization(true, IdNormalization.Case.LOWER, IdNormalization.Invalid.REJECT, "_");
        assertThat(thing.twin().id().normalization()).isEqualTo(defaults);
        assertThat(thing.relationships().get(0).id().normalization()).isEqualTo(defaults);
        assertThat(thing.relationships().get(0).target().normalization())
                .isEqualTo(new IdNormalization(true, IdNormalization.Case.UPPER, IdNormalization.Invalid.REPLACE, "~"));
        assertThat(thing.relationships().get(0).target().text()).isEqualTo("thing-{Link}");
    }

    @Test
    void withoutOptionsNothingIsNormalised() {
        // when a mapping without ids is loaded
        Mapping mapping = TestMappings.thing(dir, "label: Label", "");

        // then its id renders as written
        assertThat(mapping.entities().get(0).twin().id().normalization().isNone())
                .isTrue();
    }

    @Test
    void badOptionsAreAllReported() {
        // given a bad case, a bad invalid, a non-boolean trim, a replacement without replace, and an unknown key
        Path file = TestMappings.writeRaw(
                dir,
                TestMappings.MODELS
                        + """
                        ids: { trim: "yes", case: title, colour: red }
                        entities:
                          - name: thing
                            source: { table: Thing, key: Id }
                            twin:
                              model: dtmi:test:Thing;1
                              id: { template: "thing-{Code}", invalid: drop }
                            relationships:
                              - name: linksTo
                                target: { template: "thing-{Link}", replacement: "-" }
                              - name: partOf
                                target: { case: lower }
                        """);

        // when loaded, then every problem is listed
        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("ids.trim: must be true or false"))
                        .anySatisfy(p -> assertThat(p).startsWith("ids.case: 'title' is not a case"))
                        .anySatisfy(p -> assertThat(p).startsWith("ids.colour: unknown key"))
                        .anySatisfy(p -> assertThat(p).contains("twin.id.invalid: 'drop'", "reject", "replace"))
                        .anySatisfy(p -> assertThat(p)
                                .contains("relationships[0].target.replacement: only applies with invalid: replace"))
                        .anySatisfy(p -> assertThat(p).contains("relationships[1].target.template: is required")));
    }

    @Test
    void aReplacementMustBeValidItself() {
        // given a replacement that is a control character
        Path file = TestMappings.writeRaw(
                dir,
                TestMappings.MODELS
                        + """
                        ids: { invalid: replace, replacement: "\\t" }
                        entities:
                          - name: thing
                            source: { table: Thing, key: Id }
                            twin: { model: "dtmi:test:Thing;1", id: "thing-{Code}" }
                        """);

        // when loaded, then it is refused
        assertThatThrownBy(() -> MappingLoader.load(file))
                .hasMessageContaining("ids.replacement: must not itself contain control characters");
    }

    @Test
    void aLongFormTwinIdStillNeedsAColumn() {
        // given a long-form twin id without a column
        Path file = TestMappings.write(
                dir,
                """
                  - name: thing
                    source: { table: Thing, key: Id }
                    twin: { model: "dtmi:test:Thing;1", id: { template: fixed, trim: true } }
                """);

        // when loaded, then it is refused as in the short form
        assertThatThrownBy(() -> MappingLoader.load(file))
                .hasMessageContaining("twin.id.template: \"fixed\" uses no column");
    }
}
