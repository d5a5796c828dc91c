package io.twinsync.emulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.model.DtdlInterface;
import io.twinsync.dtdl.model.LocalizedText;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.store.ModelService;
import io.twinsync.emulator.store.StoredModel;

/** {@code /models}: upload, list, get, decommission, delete. */
final class ModelsEndpoint {

    private final ModelService models;
    private final int defaultPageSize;

    ModelsEndpoint(ModelService models, int defaultPageSize) {
        this.models = models;
        this.defaultPageSize = defaultPageSize;
    }

    ApiResponse add(ApiRequest request) {
        ArrayNode body = EmulatorJson.array();
        models.add(Bodies.json(request)).forEach(model -> body.add(render(model, false)));
        return ApiResponse.json(201, body);
    }

    ApiResponse list(ApiRequest request) {
        boolean definitions = includeDefinitions(request);
        var page = models.list(
                Paging.splitCommaValues(request.queryParameters("dependenciesFor")),
                Paging.continuation(request),
                Paging.pageSize(request, defaultPageSize));
        return Paging.answer(request, page, model -> render(model, definitions));
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.json(
                200, render(models.get(ModelIdFormat.require(request.pathParameter(0))), includeDefinitions(request)));
    }

    ApiResponse update(ApiRequest request) {
        models.update(ModelIdFormat.require(request.pathParameter(0)), Bodies.patch(request));
        return ApiResponse.noContent();
    }

    ApiResponse delete(ApiRequest request) {
        models.delete(ModelIdFormat.require(request.pathParameter(0)));
        return ApiResponse.noContent();
    }

    private static boolean includeDefinitions(ApiRequest request) {
        return request.queryParameter("includeModelDefinition")
                .map(Boolean::parseBoolean)
                .orElse(false);
    }

    /** ADT's model data: id, displayName, description, uploadTime, decommissioned and optionally the model. */
    private static ObjectNode render(StoredModel model, boolean withDefinition) {
        DtdlInterface definition = model.definition();
        ObjectNode data = EmulatorJson.object();
        data.put("id", model.id());
        data.set("displayName", languageMap(definition.displayName()));
        data.set("description", languageMap(definition.description()));
        data.put("uploadTime", model.uploadTime().toString());
        data.put("decommissioned", model.decommissioned());
        if (withDefinition) {
            data.set("model", model.source().deepCopy());
        }
        return data;
    }

    private static ObjectNode languageMap(LocalizedText text) {
        ObjectNode map = EmulatorJson.object();
        text.byLanguage().forEach(map::put);
        return map;
    }
}
