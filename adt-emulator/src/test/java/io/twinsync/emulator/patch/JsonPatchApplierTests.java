package io.twinsync.emulator.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import org.junit.jupiter.api.Test;

class JsonPatchApplierTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void appliesAddReplaceAndRemoveIncludingEscapedPathsAndArrays() throws Exception {
        // given
        ObjectNode document = (ObjectNode) JSON.readTree("{\"a\":1,\"b/c\":2,\"list\":[1,3]}");
        var operations = PatchOperation.parseDocument(
                JSON.readTree(
                        """
                [{"op":"replace","path":"/a","value":10},
                 {"op":"remove","path":"/b~1c"},
                 {"op":"add","path":"/list/1","value":2},
                 {"op":"add","path":"/list/-","value":4}]
                """));

        // when
        JsonPatchApplier.apply(document, operations);

        // then
        assertThat(document.toString()).isEqualTo("{\"a\":10,\"list\":[1,2,3,4]}");
    }

    @Test
    void refusesOperationsAdtDoesNotAccept() throws Exception {
        assertThatThrownBy(() -> PatchOperation.parseDocument(
                        JSON.readTree("[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/b\"}]")))
                .isInstanceOfSatisfying(
                        AdtException.class, e -> assertThat(e.error()).isEqualTo(AdtError.JSON_PATCH_INVALID))
                .hasMessageContaining("move");
    }

    @Test
    void refusesAddingUnderAMissingParent() throws Exception {
        ObjectNode document = JSON.createObjectNode();
        var operations =
                PatchOperation.parseDocument(JSON.readTree("[{\"op\":\"add\",\"path\":\"/obj/field\",\"value\":1}]"));
        assertThatThrownBy(() -> JsonPatchApplier.apply(document, operations))
                .hasMessageContaining("'obj' does not exist");
    }
}
