package io.twinsync.writer.apply;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.models.CreateOrReplaceDigitalTwinOptions;
import com.azure.digitaltwins.core.models.CreateOrReplaceRelationshipOptions;
import com.azure.digitaltwins.core.models.DeleteDigitalTwinOptions;
import com.azure.digitaltwins.core.models.DeleteRelationshipOptions;
import com.azure.digitaltwins.core.models.DigitalTwinsResponse;
import com.azure.digitaltwins.core.models.ListModelsOptions;
import com.azure.digitaltwins.core.models.QueryChargeHelper;
import com.azure.digitaltwins.core.models.QueryOptions;
import com.azure.digitaltwins.core.models.UpdateDigitalTwinOptions;
import com.azure.digitaltwins.core.models.UpdateRelationshipOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.writer.limit.RequestKind;
import io.twinsync.writer.models.TargetModel;
import io.twinsync.writer.plan.JsonPatches;
import io.twinsync.writer.plan.PatchOperation;
import io.twinsync.writer.retry.Attempts;
import io.twinsync.writer.retry.RequestRetrier;
import java.util.List;
import java.util.Optional;

/**
 * The ADT calls the writer makes, each through the {@link RequestRetrier}, with JSON as Jackson trees. A 404 on a
 * read or a delete is an answer (absent), not a failure; other failures are thrown as the SDK threw them.
 *
 * <p>Reads ask the SDK for {@code String} (it hands back the body as it came, so decimals stay exact); writes pass
 * the Jackson tree as an {@code Object}, because the SDK serialises a {@code String} payload as a JSON string, not as
 * the document in it.
 *
 * <p>Open for one subclass: a dry run's {@code PlanningGateway}, which sends the reads and records the writes.
 */
public class AdtGateway {

    /** Items per query page: ADT's largest (limits page: query page 1,000 items), so a query costs fewest pages. */
    static final int QUERY_PAGE = 1_000;

    private final DigitalTwinsClient client;
    private final RequestRetrier retrier;

    public AdtGateway(DigitalTwinsClient client, RequestRetrier retrier) {
        this.client = client;
        this.retrier = retrier;
    }

    public Optional<Versioned> getTwin(String twinId, Attempts attempts) {
        return absentOn404(() -> {
            DigitalTwinsResponse<String> response = retrier.call(
                    RequestKind.read("GET twin " + twinId),
                    attempts,
                    () -> client.getDigitalTwinWithResponse(twinId, String.class, Context.NONE));
            return versioned(response.getValue(), response.getHeaders());
        });
    }

    /** Creates a twin that must not exist yet ({@code If-None-Match: *}); 412 when it does. */
    public Versioned createTwin(String twinId, ObjectNode twin, Attempts attempts) {
        Response<Object> response = retrier.call(
                RequestKind.create(twinId, "PUT twin " + twinId),
                attempts,
                () -> client.createOrReplaceDigitalTwinWithResponse(
                        twinId,
                        (Object) twin,
                        Object.class,
                        new CreateOrReplaceDigitalTwinOptions().setIfNoneMatch("*"),
                        Context.NONE));
        return versioned(twin, response.getHeaders());
    }

    /** Patches a twin if it still has {@code etag} (412 otherwise); returns the new ETag. */
    public String patchTwin(String twinId, List<PatchOperation> ops, String etag, Attempts attempts) {
        DigitalTwinsResponse<Void> response = retrier.call(
                RequestKind.patch(twinId, "PATCH twin " + twinId),
                attempts,
                () -> client.updateDigitalTwinWithResponse(
                        twinId,
                        JsonPatches.toDocument(ops),
                        new UpdateDigitalTwinOptions().setIfMatch(etag),
                        Context.NONE));
        return response.getHeaders().getValue(HttpHeaderName.ETAG);
    }

    /** Deletes a twin; true when it was there. Retries {@code RelationshipsNotDeleted}, which lags deletes. */
    public boolean deleteTwin(String twinId, Attempts attempts) {
        return absentOn404(() -> {
                    retrier.call(
                            RequestKind.delete(twinId, "DELETE twin " + twinId),
                            attempts,
                            () -> client.deleteDigitalTwinWithResponse(
                                    twinId, new DeleteDigitalTwinOptions(), Context.NONE),
                            e -> "RelationshipsNotDeleted".equals(AdtError.of(e).code()));
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    public Optional<Versioned> getRelationship(String sourceId, String relationshipId, Attempts attempts) {
        return absentOn404(() -> {
            DigitalTwinsResponse<String> response = retrier.call(
                    RequestKind.read("GET relationship " + sourceId + "/" + relationshipId),
                    attempts,
                    () -> client.getRelationshipWithResponse(sourceId, relationshipId, String.class, Context.NONE));
            return versioned(response.getValue(), response.getHeaders());
        });
    }

    /** Creates a relationship that must not exist yet ({@code If-None-Match: *}); 412 when it does. */
    public Versioned createRelationship(
            String sourceId, String relationshipId, ObjectNode relationship, Attempts attempts) {
        DigitalTwinsResponse<Object> response = retrier.call(
                RequestKind.create(sourceId, "PUT relationship " + sourceId + "/" + relationshipId),
                attempts,
                () -> client.createOrReplaceRelationshipWithResponse(
                        sourceId,
                        relationshipId,
                        (Object) relationship,
                        Object.class,
                        new CreateOrReplaceRelationshipOptions().setIfNoneMatch("*"),
                        Context.NONE));
        return versioned(relationship, response.getHeaders());
    }

    /** Patches a relationship if it still has {@code etag} (412 otherwise). */
    public void patchRelationship(
            String sourceId, String relationshipId, List<PatchOperation> ops, String etag, Attempts attempts) {
        retrier.call(
                RequestKind.patch(sourceId, "PATCH relationship " + sourceId + "/" + relationshipId),
                attempts,
                () -> client.updateRelationshipWithResponse(
                        sourceId,
                        relationshipId,
                        JsonPatches.toDocument(ops),
                        new UpdateRelationshipOptions().setIfMatch(etag),
                        Context.NONE));
    }

    /** Deletes a relationship; true when it was there (a 404 means someone, or an earlier step, deleted it). */
    public boolean deleteRelationship(RelationshipRef ref, Attempts attempts) {
        return absentOn404(() -> {
                    retrier.call(
                            RequestKind.delete(
                                    ref.sourceId(),
                                    "DELETE relationship " + ref.sourceId() + "/" + ref.relationshipId()),
                            attempts,
                            () -> client.deleteRelationshipWithResponse(
                                    ref.sourceId(),
                                    ref.relationshipId(),
                                    new DeleteRelationshipOptions(),
                                    Context.NONE));
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    /** The twin's outgoing relationships (all pages, counted as one request). */
    public List<RelationshipRef> listRelationships(String twinId, Attempts attempts) {
        return retrier.call(
                RequestKind.read("LIST relationships of " + twinId),
                attempts,
                () -> client.listRelationships(twinId, BasicRelationship.class).stream()
                        .map(r -> new RelationshipRef(twinId, r.getId()))
                        .toList());
    }

    /** The twin's outgoing relationships of one name (all pages, counted as one request). */
    public List<RelationshipRef> listRelationships(String twinId, String relationshipName, Attempts attempts) {
        return retrier.call(
                RequestKind.read("LIST " + relationshipName + " relationships of " + twinId),
                attempts,
                () -> client.listRelationships(twinId, relationshipName, BasicRelationship.class, Context.NONE).stream()
                        .map(r -> new RelationshipRef(twinId, r.getId()))
                        .toList());
    }

    /** The relationships pointing at the twin (all pages, counted as one request). */
    public List<RelationshipRef> listIncomingRelationships(String twinId, Attempts attempts) {
        return retrier.call(
                RequestKind.read("LIST incoming relationships of " + twinId),
                attempts,
                () -> client.listIncomingRelationships(twinId).stream()
                        .map(r -> new RelationshipRef(r.getSourceId(), r.getRelationshipId()))
                        .toList());
    }

    /**
     * One page of a query's results, as ADT returned them (decimals exact): the first page for a null
     * {@code continuationToken}, else the page after it. Each page is one request, retried on its own.
     */
    public QueryPage queryPage(String query, String continuationToken, Attempts attempts) {
        return retrier.call(
                RequestKind.query(continuationToken == null ? "QUERY " + query : "QUERY next page of " + query),
                attempts,
                () -> {
                    PagedIterable<String> results = client.query(
                            query, String.class, new QueryOptions().setMaxItemsPerPage(QUERY_PAGE), Context.NONE);
                    PagedResponse<String> page = (continuationToken == null
                                    ? results.iterableByPage()
                                    : results.iterableByPage(continuationToken))
                            .iterator()
                            .next();
                    List<ObjectNode> items =
                            page.getValue().stream().map(AdtGateway::parse).toList();
                    Float charge = QueryChargeHelper.getQueryCharge(page);
                    return new QueryPage(items, page.getContinuationToken(), charge == null ? 0 : charge);
                });
    }

    /**
     * A page of query results, the token of the next page (null after the last), and the query units the service
     * charged for it ({@code query-charge} header; 0 when it sent none).
     */
    public record QueryPage(List<ObjectNode> items, String continuationToken, double charge) {}

    /** The models the instance holds, with their definitions (all pages, counted as one request). */
    public List<TargetModel> listModels(Attempts attempts) {
        return retrier.call(
                RequestKind.models("LIST models"),
                attempts,
                () -> client.listModels(new ListModelsOptions().setIncludeModelDefinition(true), Context.NONE).stream()
                        .map(model -> new TargetModel(
                                model.getModelId(),
                                definition(model.getModelId(), model.getDtdlModel()),
                                model.isDecommissioned(),
                                model.getUploadedOn() == null
                                        ? null
                                        : model.getUploadedOn().toInstant()))
                        .toList());
    }

    private static ObjectNode definition(String id, String dtdl) {
        try {
            JsonNode parsed = dtdl == null ? null : StagingJson.mapper().readTree(dtdl);
            if (parsed instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below: the service answered something that is not a model
        }
        throw new IllegalStateException("The target returned model " + id + " without a JSON object as its"
                + " definition; the endpoint may not be Azure Digital Twins");
    }

    /** Uploads models in one call; ADT accepts all or none. */
    public void createModels(List<String> models, Attempts attempts) {
        retrier.call(
                RequestKind.models("POST " + models.size() + " models"),
                attempts,
                () -> client.createModelsWithResponse(models, Context.NONE));
    }

    private static <T> Optional<T> absentOn404(java.util.function.Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (HttpResponseException e) {
            if (AdtError.statusOf(e) == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Versioned versioned(String body, HttpHeaders headers) {
        return versioned(parse(body), headers);
    }

    private static Versioned versioned(ObjectNode json, HttpHeaders headers) {
        String etag = headers == null ? null : headers.getValue(HttpHeaderName.ETAG);
        if (etag == null && json.path("$etag").isTextual()) {
            etag = json.path("$etag").asText();
        }
        return new Versioned(json, etag);
    }

    private static ObjectNode parse(String body) {
        if (body == null || body.isBlank()) {
            return StagingJson.mapper().createObjectNode();
        }
        try {
            JsonNode node = StagingJson.mapper().readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException("ADT answered with JSON that is not an object: " + cut(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ADT answered with a body that is not JSON: " + cut(body), e);
        }
    }

    private static String cut(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
