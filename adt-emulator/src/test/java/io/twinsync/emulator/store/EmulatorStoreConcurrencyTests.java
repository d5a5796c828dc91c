package io.twinsync.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.emulator.error.AdtException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EmulatorStoreConcurrencyTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noRelationshipEverPointsAtADeletedTwinUnderConcurrentWrites() throws Exception {
        // given
        EmulatorStore store = new EmulatorStore();
        store.models()
                .add(
                        JSON.readTree(
                                """
                [{"@id": "dtmi:c:Node;1", "@type": "Interface", "@context": "dtmi:dtdl:context;3",
                  "contents": [{"@type": "Relationship", "name": "next"}]}]
                """));
        JsonNode node = JSON.readTree("{\"$metadata\":{\"$model\":\"dtmi:c:Node;1\"}}");
        for (int i = 0; i < 50; i++) {
            store.twins().createOrReplace("t" + i, node, null);
        }

        // when half the threads link twins while the other half try to delete them
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            work.add(() -> ignoringRefusals(() -> store.relationships()
                    .createOrReplace(
                            "t" + n,
                            "r" + n,
                            JSON.readTree("{\"$targetId\":\"t" + ((n + 1) % 50) + "\",\"$relationshipName\":\"next\"}"),
                            null)));
            work.add(() -> ignoringRefusals(() -> {
                store.twins().delete("t" + ((n + 25) % 50), null);
                return null;
            }));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        // then every relationship's source and target still exist, in both indexes
        int outgoing = 0;
        for (int i = 0; i < 50; i++) {
            if (exists(store, "t" + i)) {
                var page = store.relationships().listOutgoing("t" + i, Optional.empty(), Optional.empty(), 100);
                for (StoredRelationship relationship : page.items()) {
                    assertThat(exists(store, relationship.targetId())).isTrue();
                    outgoing++;
                }
            }
        }
        int incoming = 0;
        for (int i = 0; i < 50; i++) {
            if (exists(store, "t" + i)) {
                incoming += store.relationships()
                        .listIncoming("t" + i, Optional.empty(), 100)
                        .items()
                        .size();
            }
        }
        assertThat(incoming).isEqualTo(outgoing);
    }

    private static Void ignoringRefusals(Callable<?> action) throws Exception {
        try {
            action.call();
        } catch (AdtException refused) {
            // twin gone or still linked: both are valid outcomes of the race
        }
        return null;
    }

    private static boolean exists(EmulatorStore store, String id) {
        try {
            store.twins().get(id);
            return true;
        } catch (AdtException e) {
            return false;
        }
    }
}
