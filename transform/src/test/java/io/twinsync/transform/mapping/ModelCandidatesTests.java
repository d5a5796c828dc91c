package io.twinsync.transform.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCandidatesTests {

    private static final String MISSING = "dtmi:example:Equipment;1";

    @TempDir
    Path dir;

    @Test
    void theSearchStopsAfterFiveThousandFilesAndSaysSo() throws IOException {
        // given more .json files than the search reads, none of which defines the missing interface
        Path many = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i <= ModelCandidates.MAX_FILES; i++) {
            Files.writeString(many.resolve("file" + i + ".json"), "{}");
        }

        // when searched
        ModelCandidates found = ModelCandidates.search(List.of(MISSING), List.of(dir), List.of());

        // then nothing is found, and the advice says where the search stopped
        assertThat(found.files(MISSING)).isEmpty();
        assertThat(found.advice(MISSING, dir))
                .isEqualTo("none of the first 5,000 .json files under " + dir + " defines it (the search stops"
                        + " there): add the file that defines it to models");
    }

    @Test
    void hiddenFoldersAreNotSearched() throws IOException {
        // given the interface only in a batch's models.json under twinsync's hidden home folder
        Path batch = Files.createDirectories(dir.resolve(".twinsync/staging/batches/b1"));
        Files.writeString(batch.resolve("models.json"), "[" + equipment() + "]");

        // when searched from the mapping's folder
        ModelCandidates found = ModelCandidates.search(List.of(MISSING), List.of(dir), List.of());

        // then that copy is not offered as the file to list
        assertThat(found.files(MISSING)).isEmpty();
    }

    @Test
    void eachFolderIsSearchedOnceAndListedFilesNotAtAll() throws IOException {
        // given the interface defined in a listed file's folder and, again, in a listed file
        Path defining = dir.resolve("models/Equipment.json");
        Files.createDirectories(defining.getParent());
        Files.writeString(defining, equipment());
        Path listed = Files.writeString(dir.resolve("models/Listed.json"), equipment());

        // when searched from the mapping's folder and the listed file's folder, which lies inside it
        ModelCandidates found =
                ModelCandidates.search(List.of(MISSING), List.of(dir, listed.getParent()), List.of(listed));

        // then the unlisted file is found once
        assertThat(found.files(MISSING)).containsExactly(defining);
    }

    private static String equipment() {
        return "{\"@context\": \"dtmi:dtdl:context;3\", \"@id\": \"" + MISSING + "\", \"@type\": \"Interface\"}";
    }
}
