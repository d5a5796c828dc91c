package io.twinsync.emulator;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.Response;
import com.azure.core.models.JsonPatchDocument;
import com.azure.core.util.Context;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsAsyncClient;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.CreateOrReplaceDigitalTwinOptions;
import com.azure.digitaltwins.core.models.CreateOrReplaceRelationshipOptions;
import com.azure.digitaltwins.core.models.DeleteDigitalTwinOptions;
import com.azure.digitaltwins.core.models.DeleteRelationshipOptions;
import com.azure.digitaltwins.core.models.DigitalTwinsModelData;
import com.azure.digitaltwins.core.models.DigitalTwinsResponse;
import com.azure.digitaltwins.core.models.IncomingRelationship;
import com.azure.digitaltwins.core.models.ListModelsOptions;
import com.azure.digitaltwins.core.models.UpdateComponentOptions;
import com.azure.digitaltwins.core.models.UpdateDigitalTwinOptions;
import com.azure.digitaltwins.core.models.UpdateRelationshipOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SDK calls the conformance tests make, over either the sync {@link DigitalTwinsClient} or the async
 * {@link DigitalTwinsAsyncClient} (blocking on each call), so every case runs through both real clients.
 */
interface SdkFlavour {

    /** Which client; a parameterized test takes {@code @EnumSource(SdkFlavour.Kind.class)}. */
    enum Kind {
        SYNC,
        ASYNC;

        SdkFlavour connect(AdtEmulator emulator) {
            return this == SYNC ? new Sync(SdkClients.sync(emulator)) : new Async(SdkClients.async(emulator));
        }

        /** A prefix that keeps the ids of the two runs of a test apart on one emulator. */
        String tag(String id) {
            return name().toLowerCase(java.util.Locale.ROOT) + "-" + id;
        }
    }

    List<DigitalTwinsModelData> createModels(List<String> models);

    DigitalTwinsModelData getModel(String id);

    List<List<DigitalTwinsModelData>> listModelPages(ListModelsOptions options);

    void decommissionModel(String id);

    void deleteModel(String id);

    Response<BasicDigitalTwin> createTwin(String id, BasicDigitalTwin twin, CreateOrReplaceDigitalTwinOptions options);

    DigitalTwinsResponse<BasicDigitalTwin> getTwin(String id);

    DigitalTwinsResponse<Void> updateTwin(String id, JsonPatchDocument patch, UpdateDigitalTwinOptions options);

    Response<Void> deleteTwin(String id, DeleteDigitalTwinOptions options);

    DigitalTwinsResponse<BasicRelationship> createRelationship(
            String sourceId, String id, BasicRelationship relationship, CreateOrReplaceRelationshipOptions options);

    DigitalTwinsResponse<BasicRelationship> getRelationship(String sourceId, String id);

    DigitalTwinsResponse<Void> updateRelationship(
            String sourceId, String id, JsonPatchDocument patch, UpdateRelationshipOptions options);

    Response<Void> deleteRelationship(String sourceId, String id, DeleteRelationshipOptions options);

    List<List<BasicRelationship>> listRelationshipPages(String sourceId);

    List<List<IncomingRelationship>> listIncomingPages(String targetId);

    DigitalTwinsResponse<Map<String, Object>> getComponent(String twinId, String component);

    DigitalTwinsResponse<Void> updateComponent(
            String twinId, String component, JsonPatchDocument patch, UpdateComponentOptions options);

    /** The sync client, calling the {@code ...WithResponse} methods. */
    record Sync(DigitalTwinsClient client) implements SdkFlavour {

        @Override
        public String toString() {
            return "sync client";
        }

        @Override
        public List<DigitalTwinsModelData> createModels(List<String> models) {
            return list(client.createModels(models));
        }

        @Override
        public DigitalTwinsModelData getModel(String id) {
            return client.getModel(id);
        }

        @Override
        public List<List<DigitalTwinsModelData>> listModelPages(ListModelsOptions options) {
            return client.listModels(options, Context.NONE)
                    .streamByPage()
                    .map(SdkFlavour::items)
                    .toList();
        }

        @Override
        public void decommissionModel(String id) {
            client.decommissionModel(id);
        }

        @Override
        public void deleteModel(String id) {
            client.deleteModel(id);
        }

        @Override
        public Response<BasicDigitalTwin> createTwin(
                String id, BasicDigitalTwin twin, CreateOrReplaceDigitalTwinOptions options) {
            return client.createOrReplaceDigitalTwinWithResponse(
                    id, twin, BasicDigitalTwin.class, options, Context.NONE);
        }

        @Override
        public DigitalTwinsResponse<BasicDigitalTwin> getTwin(String id) {
            return client.getDigitalTwinWithResponse(id, BasicDigitalTwin.class, Context.NONE);
        }

        @Override
        public DigitalTwinsResponse<Void> updateTwin(
                String id, JsonPatchDocument patch, UpdateDigitalTwinOptions options) {
            return client.updateDigitalTwinWithResponse(id, patch, options, Context.NONE);
        }

        @Override
        public Response<Void> deleteTwin(String id, DeleteDigitalTwinOptions options) {
            return client.deleteDigitalTwinWithResponse(id, options, Context.NONE);
        }

        @Override
        public DigitalTwinsResponse<BasicRelationship> createRelationship(
                String sourceId,
                String id,
                BasicRelationship relationship,
                CreateOrReplaceRelationshipOptions options) {
            return client.createOrReplaceRelationshipWithResponse(
                    sourceId, id, relationship, BasicRelationship.class, options, Context.NONE);
        }

        @Override
        public DigitalTwinsResponse<BasicRelationship> getRelationship(String sourceId, String id) {
            return client.getRelationshipWithResponse(sourceId, id, BasicRelationship.class, Context.NONE);
        }

        @Override
        public DigitalTwinsResponse<Void> updateRelationship(
                String sourceId, String id, JsonPatchDocument patch, UpdateRelationshipOptions options) {
            return client.updateRelationshipWithResponse(sourceId, id, patch, options, Context.NONE);
        }

        @Override
        public Response<Void> deleteRelationship(String sourceId, String id, DeleteRelationshipOptions options) {
            return client.deleteRelationshipWithResponse(sourceId, id, options, Context.NONE);
        }

        @Override
        public List<List<BasicRelationship>> listRelationshipPages(String sourceId) {
            return client.listRelationships(sourceId, BasicRelationship.class)
                    .streamByPage()
                    .map(SdkFlavour::items)
                    .toList();
        }

        @Override
        public List<List<IncomingRelationship>> listIncomingPages(String targetId) {
            return client.listIncomingRelationships(targetId)
                    .streamByPage()
                    .map(SdkFlavour::items)
                    .toList();
        }

        @Override
        @SuppressWarnings("unchecked")
        public DigitalTwinsResponse<Map<String, Object>> getComponent(String twinId, String component) {
            return (DigitalTwinsResponse<Map<String, Object>>) (DigitalTwinsResponse<?>)
                    client.getComponentWithResponse(twinId, component, Map.class, Context.NONE);
        }

        @Override
        public DigitalTwinsResponse<Void> updateComponent(
                String twinId, String component, JsonPatchDocument patch, UpdateComponentOptions options) {
            return client.updateComponentWithResponse(twinId, component, patch, options, Context.NONE);
        }
    }

    /** The async client, blocking on each call; errors surface as the same exceptions. */
    record Async(DigitalTwinsAsyncClient client) implements SdkFlavour {

        @Override
        public String toString() {
            return "async client";
        }

        @Override
        public List<DigitalTwinsModelData> createModels(List<String> models) {
            return list(client.createModels(models).block());
        }

        @Override
        public DigitalTwinsModelData getModel(String id) {
            return client.getModel(id).block();
        }

        @Override
        public List<List<DigitalTwinsModelData>> listModelPages(ListModelsOptions options) {
            return pages(client.listModels(options).byPage().collectList().block());
        }

        @Override
        public void decommissionModel(String id) {
            client.decommissionModel(id).block();
        }

        @Override
        public void deleteModel(String id) {
            client.deleteModel(id).block();
        }

        @Override
        public Response<BasicDigitalTwin> createTwin(
                String id, BasicDigitalTwin twin, CreateOrReplaceDigitalTwinOptions options) {
            return client.createOrReplaceDigitalTwinWithResponse(id, twin, BasicDigitalTwin.class, options)
                    .block();
        }

        @Override
        public DigitalTwinsResponse<BasicDigitalTwin> getTwin(String id) {
            return client.getDigitalTwinWithResponse(id, BasicDigitalTwin.class).block();
        }

        @Override
        public DigitalTwinsResponse<Void> updateTwin(
                String id, JsonPatchDocument patch, UpdateDigitalTwinOptions options) {
            return client.updateDigitalTwinWithResponse(id, patch, options).block();
        }

        @Override
        public Response<Void> deleteTwin(String id, DeleteDigitalTwinOptions options) {
            return client.deleteDigitalTwinWithResponse(id, options).block();
        }

        @Override
        public DigitalTwinsResponse<BasicRelationship> createRelationship(
                String sourceId,
                String id,
                BasicRelationship relationship,
                CreateOrReplaceRelationshipOptions options) {
            return client.createOrReplaceRelationshipWithResponse(
                            sourceId, id, relationship, BasicRelationship.class, options)
                    .block();
        }

        @Override
        public DigitalTwinsResponse<BasicRelationship> getRelationship(String sourceId, String id) {
            return client.getRelationshipWithResponse(sourceId, id, BasicRelationship.class)
                    .block();
        }

        @Override
        public DigitalTwinsResponse<Void> updateRelationship(
                String sourceId, String id, JsonPatchDocument patch, UpdateRelationshipOptions options) {
            return client.updateRelationshipWithResponse(sourceId, id, patch, options)
                    .block();
        }

        @Override
        public Response<Void> deleteRelationship(String sourceId, String id, DeleteRelationshipOptions options) {
            return client.deleteRelationshipWithResponse(sourceId, id, options).block();
        }

        @Override
        public List<List<BasicRelationship>> listRelationshipPages(String sourceId) {
            return pages(client.listRelationships(sourceId, BasicRelationship.class)
                    .byPage()
                    .collectList()
                    .block());
        }

        @Override
        public List<List<IncomingRelationship>> listIncomingPages(String targetId) {
            return pages(client.listIncomingRelationships(targetId)
                    .byPage()
                    .collectList()
                    .block());
        }

        @Override
        @SuppressWarnings("unchecked")
        public DigitalTwinsResponse<Map<String, Object>> getComponent(String twinId, String component) {
            return (DigitalTwinsResponse<Map<String, Object>>)
                    (DigitalTwinsResponse<?>) client.getComponentWithResponse(twinId, component, Map.class)
                            .block();
        }

        @Override
        public DigitalTwinsResponse<Void> updateComponent(
                String twinId, String component, JsonPatchDocument patch, UpdateComponentOptions options) {
            return client.updateComponentWithResponse(twinId, component, patch, options)
                    .block();
        }
    }

    private static <T> List<T> items(PagedResponse<T> page) {
        return List.copyOf(page.getValue());
    }

    private static <T> List<List<T>> pages(List<PagedResponse<T>> pages) {
        return pages.stream().map(SdkFlavour::items).toList();
    }

    private static <T> List<T> list(Iterable<T> items) {
        List<T> result = new ArrayList<>();
        items.forEach(result::add);
        return result;
    }
}
