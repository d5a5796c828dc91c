package io.twinsync.emulator;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.azure.digitaltwins.core.DigitalTwinsAsyncClient;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.DigitalTwinsEventRoute;
import com.azure.digitaltwins.core.models.ListDigitalTwinsEventRoutesOptions;
import java.util.List;
import java.util.Locale;

/**
 * The SDK's event route and telemetry calls over either the sync or the async client (blocking on each call), so the
 * event tests run through both real clients.
 */
interface EventSdk {

    /** Which client; a parameterized test takes {@code @EnumSource(EventSdk.Kind.class)}. */
    enum Kind {
        SYNC,
        ASYNC;

        EventSdk connect(AdtEmulator emulator) {
            return this == SYNC ? new Sync(SdkClients.sync(emulator)) : new Async(SdkClients.async(emulator));
        }

        /** A prefix that keeps the ids of the two runs of a test apart on one emulator. */
        String tag(String id) {
            return name().toLowerCase(Locale.ROOT) + "-" + id;
        }
    }

    Response<Void> createRoute(String id, DigitalTwinsEventRoute route);

    DigitalTwinsEventRoute getRoute(String id);

    Response<Void> deleteRoute(String id);

    /** Every page of the listing, asking for {@code pageSize} items a page (null: the service's default). */
    List<List<DigitalTwinsEventRoute>> listRoutePages(Integer pageSize);

    Response<Void> publishTelemetry(String twinId, String messageId, Object payload);

    Response<Void> publishComponentTelemetry(String twinId, String component, String messageId, Object payload);

    record Sync(DigitalTwinsClient client) implements EventSdk {

        @Override
        public String toString() {
            return "sync client";
        }

        @Override
        public Response<Void> createRoute(String id, DigitalTwinsEventRoute route) {
            return client.createOrReplaceEventRouteWithResponse(id, route, Context.NONE);
        }

        @Override
        public DigitalTwinsEventRoute getRoute(String id) {
            return client.getEventRoute(id);
        }

        @Override
        public Response<Void> deleteRoute(String id) {
            return client.deleteEventRouteWithResponse(id, Context.NONE);
        }

        @Override
        public List<List<DigitalTwinsEventRoute>> listRoutePages(Integer pageSize) {
            return client.listEventRoutes(
                            new ListDigitalTwinsEventRoutesOptions().setMaxItemsPerPage(pageSize), Context.NONE)
                    .streamByPage()
                    .map(PagedResponse::getValue)
                    .map(List::copyOf)
                    .toList();
        }

        @Override
        public Response<Void> publishTelemetry(String twinId, String messageId, Object payload) {
            return client.publishTelemetryWithResponse(twinId, messageId, payload, null, Context.NONE);
        }

        @Override
        public Response<Void> publishComponentTelemetry(
                String twinId, String component, String messageId, Object payload) {
            return client.publishComponentTelemetryWithResponse(
                    twinId, component, messageId, payload, null, Context.NONE);
        }
    }

    record Async(DigitalTwinsAsyncClient client) implements EventSdk {

        @Override
        public String toString() {
            return "async client";
        }

        @Override
        public Response<Void> createRoute(String id, DigitalTwinsEventRoute route) {
            return client.createOrReplaceEventRouteWithResponse(id, route).block();
        }

        @Override
        public DigitalTwinsEventRoute getRoute(String id) {
            return client.getEventRoute(id).block();
        }

        @Override
        public Response<Void> deleteRoute(String id) {
            return client.deleteEventRouteWithResponse(id).block();
        }

        @Override
        public List<List<DigitalTwinsEventRoute>> listRoutePages(Integer pageSize) {
            return client.listEventRoutes(new ListDigitalTwinsEventRoutesOptions().setMaxItemsPerPage(pageSize))
                    .byPage()
                    .map(page -> List.copyOf(page.getValue()))
                    .collectList()
                    .block();
        }

        @Override
        public Response<Void> publishTelemetry(String twinId, String messageId, Object payload) {
            return client.publishTelemetryWithResponse(twinId, messageId, payload, null)
                    .block();
        }

        @Override
        public Response<Void> publishComponentTelemetry(
                String twinId, String component, String messageId, Object payload) {
            return client.publishComponentTelemetryWithResponse(twinId, component, messageId, payload, null)
                    .block();
        }
    }
}
