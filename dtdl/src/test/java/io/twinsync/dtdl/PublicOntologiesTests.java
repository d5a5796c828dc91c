package io.twinsync.dtdl;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.dtdl.files.ModelFiles;
import io.twinsync.testsupport.PublicOntology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Public ontologies nobody here wrote read whole, as Azure Digital Twins would accept them. */
class PublicOntologiesTests {

    @ParameterizedTest
    @EnumSource(PublicOntology.class)
    void aPublicOntologyReadsWithoutProblems(PublicOntology ontology) throws IOException {
        // given every file of the ontology's folder
        Path folder = ontology.folder();
        ModelFiles.Found found = ModelFiles.find(folder, List.of("."), "models");

        // when
        DtdlReader.Result result = DtdlReader.forService().read(ModelFiles.read(folder, found.files()));

        // then
        assertThat(found.problems()).isEmpty();
        assertThat(result.problems()).isEmpty();
        assertThat(result.models().size()).isEqualTo(ontology.interfaces());
        assertThat(result.models().unresolvedReferences()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PublicOntology.class)
    void everyDocumentComesAfterWhatItNeedsInDependencyOrder(PublicOntology ontology) throws IOException {
        // given
        Path folder = ontology.folder();
        ModelSet models = DtdlReader.forService()
                .read(ModelFiles.read(
                        folder,
                        ModelFiles.find(folder, List.of("**/*.json"), "models").files()))
                .models();

        // when
        List<String> order = models.dependencyOrder();

        // then
        Set<String> uploaded = new HashSet<>();
        for (String id : order) {
            assertThat(uploaded).as("what %s needs", id).containsAll(models.dependencies(id));
            uploaded.add(id);
        }
        assertThat(order).hasSize(ontology.interfaces());
    }

    @org.junit.jupiter.api.Test
    void relationshipTargetsOutsideTheEnergyGridOntologyAreListedNotRefused() throws IOException {
        // given the energy grid ontology, whose relationships target 20 interfaces it does not define
        Path folder = PublicOntology.ENERGY_GRID.folder();

        // when
        ModelSet models = DtdlReader.forService()
                .read(ModelFiles.read(
                        folder, ModelFiles.find(folder, List.of("."), "models").files()))
                .models();

        // then
        assertThat(models.targetsOutside()).hasSize(20);
    }
}
