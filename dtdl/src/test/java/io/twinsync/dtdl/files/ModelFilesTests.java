package io.twinsync.dtdl.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTests {

    @TempDir
    Path base;

    @BeforeEach
    void ontology() throws IOException {
        for (String file : List.of(
                "ontology/Space.json",
                "ontology/asset/Pump.json",
                "ontology/asset/deep/Valve.json",
                "ontology/README.md",
                "extra/Meter.json")) {
            Path path = base.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "{}");
        }
    }

    @Test
    void aFolderGivesEveryJsonFileUnderItInPathOrder() {
        // when
        ModelFiles.Found found = ModelFiles.find(base, List.of("ontology"), "models");

        // then
        assertThat(found.problems()).isEmpty();
        assertThat(found.files())
                .extracting(p -> ModelFiles.relative(base, p))
                .containsExactly("ontology/Space.json", "ontology/asset/Pump.json", "ontology/asset/deep/Valve.json");
    }

    @Test
    void aDoubleStarGlobMatchesFilesAtAnyDepthIncludingTheFirst() {
        // when
        ModelFiles.Found found = ModelFiles.find(base, List.of("ontology/**/*.json"), "models");

        // then
        assertThat(found.files())
                .extracting(p -> ModelFiles.relative(base, p))
                .containsExactly("ontology/Space.json", "ontology/asset/Pump.json", "ontology/asset/deep/Valve.json");
    }

    @Test
    void aGlobMayClimbOutOfTheBaseOrBeAbsoluteAndCountsOnlyJsonFiles() {
        // given a base below the ontology's folder
        Path mappingFolder = base.resolve("extra");

        // when
        ModelFiles.Found climbing = ModelFiles.find(mappingFolder, List.of("../ontology/**"), "models");
        ModelFiles.Found absolute = ModelFiles.find(
                mappingFolder, List.of(base.resolve("ontology").toString() + "/asset/**/*.json"), "models");

        // then README.md is no model, and .git is not looked into
        assertThat(climbing.problems()).isEmpty();
        assertThat(climbing.files())
                .extracting(p -> ModelFiles.relative(base, p))
                .containsExactly("ontology/Space.json", "ontology/asset/Pump.json", "ontology/asset/deep/Valve.json");
        assertThat(absolute.files())
                .extracting(p -> ModelFiles.relative(base, p))
                .containsExactly("ontology/asset/Pump.json", "ontology/asset/deep/Valve.json");
    }

    @Test
    void entriesThatOverlapGiveEachFileOnce() {
        // when
        ModelFiles.Found found =
                ModelFiles.find(base, List.of("ontology/asset/*.json", "ontology", "extra/Meter.json"), "models");

        // then
        assertThat(found.files())
                .extracting(p -> ModelFiles.relative(base, p))
                .containsExactly(
                        "ontology/asset/Pump.json",
                        "ontology/Space.json",
                        "ontology/asset/deep/Valve.json",
                        "extra/Meter.json");
    }

    @Test
    void entriesThatNameNothingAreProblemsNamingTheEntry() {
        // when
        ModelFiles.Found found = ModelFiles.find(base, List.of("missing.json", "ontology/*.yaml"), "models");

        // then
        assertThat(found.files()).isEmpty();
        assertThat(found.problems())
                .containsExactly(
                        "models[0] missing.json: there is no such file or folder (looked for "
                                + base.resolve("missing.json") + "); paths are relative to " + base,
                        "models[1] ontology/*.yaml: the pattern matches no .json file");
    }
}
