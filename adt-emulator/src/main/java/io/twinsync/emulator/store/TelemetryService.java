package io.twinsync.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.dtdl.model.DtdlComponent;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;

/**
 * Telemetry sent on behalf of a twin or a component: checked against the graph (the twin and the component must
 * exist) and handed to the store's {@link GraphEventListener}. ADT does not check the payload against the model's
 * Telemetry contents: its recorded session sends {@code {"Telemetry1": 5}} to a model that declares no telemetry
 * and gets 204 (PublishTelemetryTests.publishTelemetryLifecycleTest).
 */
public final class TelemetryService {

    private final EmulatorStore store;

    TelemetryService(EmulatorStore store) {
        this.store = store;
    }

    /**
     * Sends one telemetry message.
     *
     * @param component the component's name, or null for the twin itself
     */
    public void send(String twinId, String component, String messageId, JsonNode telemetry) {
        store.read(state -> {
            StoredTwin twin = state.twin(twinId);
            String dataSchema = twin.modelId();
            if (component != null) {
                DtdlComponent declared =
                        state.definitions.component(twin.modelId(), component).orElse(null);
                if (declared == null || !twin.componentNames().contains(component)) {
                    throw new AdtException(
                            AdtError.COMPONENT_NOT_FOUND, "Twin '" + twinId + "' has no component '" + component + "'");
                }
                dataSchema = declared.interfaceId();
            }
            store.events().telemetrySent(twin, component, dataSchema, messageId, telemetry);
            return null;
        });
    }
}
