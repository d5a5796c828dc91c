package io.twinsync.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.patch.PatchOperation;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A component patch decides "component not found" under the write lock, where no PUT can slip in after it. */
class ComponentPatchRaceTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aComponentDroppedWhileItsPatchIsUnderWayIsAnsweredComponentNotFound() throws Exception {
        // given a twin with a component, and a model without it
        EmulatorStore store = new EmulatorStore();
        store.models()
                .add(
                        JSON.readTree(
                                """
                [{"@id": "dtmi:c:Part;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
                  "contents": [{"@type": "Property", "name": "v", "schema": "integer"}]},
                 {"@id": "dtmi:c:Whole;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
                  "contents": [{"@type": "Component", "name": "part", "schema": "dtmi:c:Part;1"}]},
                 {"@id": "dtmi:c:Plain;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3"}]
                """));
        store.twins()
                .createOrReplace(
                        "t", JSON.readTree("{\"$metadata\":{\"$model\":\"dtmi:c:Whole;1\"},\"part\":{\"v\":1}}"), null);
        JsonNode plain = JSON.readTree("{\"$metadata\":{\"$model\":\"dtmi:c:Plain;1\"}}");
        PatchOperation replace = new PatchOperation(
                PatchOperation.Op.REPLACE, List.of("v"), JSON.getNodeFactory().numberNode(2));
        // the PUT that drops the component runs while the service reads the operations, i.e. mid-request
        List<PatchOperation> patch =
                new ConcurrentPut(replace, () -> store.twins().createOrReplace("t", plain, null));

        // when
        AdtException refused =
                catchThrowableOfType(AdtException.class, () -> store.twins().updateComponent("t", "part", patch, null));

        // then
        assertThat(refused.error()).isEqualTo(AdtError.COMPONENT_NOT_FOUND);
        assertThat(refused.getMessage()).contains("'t'", "'part'");
    }

    /** One operation; reading it first runs a concurrent write, as another request could at that moment. */
    private static final class ConcurrentPut extends AbstractList<PatchOperation> {
        private final PatchOperation operation;
        private Runnable concurrentWrite;

        ConcurrentPut(PatchOperation operation, Runnable concurrentWrite) {
            this.operation = operation;
            this.concurrentWrite = concurrentWrite;
        }

        @Override
        public Iterator<PatchOperation> iterator() {
            if (concurrentWrite != null) {
                Runnable write = concurrentWrite;
                concurrentWrite = null;
                write.run();
            }
            return super.iterator();
        }

        @Override
        public PatchOperation get(int index) {
            return operation;
        }

        @Override
        public int size() {
            return 1;
        }
    }
}
