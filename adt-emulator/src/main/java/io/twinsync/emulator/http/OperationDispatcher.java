package io.twinsync.emulator.http;

import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import io.twinsync.emulator.events.EventRoutes;
import io.twinsync.emulator.jobs.ImportJobService;
import io.twinsync.emulator.query.QueryEngine;
import io.twinsync.emulator.store.EmulatorStore;

/** The end of the pipeline: hands each operation to its endpoint. */
public final class OperationDispatcher implements RequestHandler {

    private final ModelsEndpoint models;
    private final TwinsEndpoint twins;
    private final RelationshipsEndpoint relationships;
    private final QueryEndpoint queries;
    private final JobsEndpoint jobs;
    private final EventRoutesEndpoint eventRoutes;
    private final TelemetryEndpoint telemetry;

    /**
     * @param importJobs the import jobs of this emulator (their thread belongs to the caller, which closes it)
     * @param eventRoutes the event routes of this emulator
     * @param pageSizes items per page when the client sends no {@code max-items-per-page}
     */
    public OperationDispatcher(
            EmulatorStore store, ImportJobService importJobs, EventRoutes eventRoutes, DefaultPageSizes pageSizes) {
        this.jobs = new JobsEndpoint(importJobs, pageSizes.others());
        this.models = new ModelsEndpoint(store.models(), pageSizes.others());
        this.twins = new TwinsEndpoint(store.twins());
        this.relationships = new RelationshipsEndpoint(store.relationships(), pageSizes.relationships());
        this.queries = new QueryEndpoint(new QueryEngine(store));
        this.eventRoutes = new EventRoutesEndpoint(eventRoutes, pageSizes.others());
        this.telemetry = new TelemetryEndpoint(store.telemetry());
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return switch (request.operation()) {
            case MODELS_POST -> models.add(request);
            case MODELS_LIST -> models.list(request);
            case MODELS_GET -> models.get(request);
            case MODELS_PATCH -> models.update(request);
            case MODELS_DELETE -> models.delete(request);
            case TWINS_GET -> twins.get(request);
            case TWINS_PUT -> twins.createOrReplace(request);
            case TWINS_PATCH -> twins.update(request);
            case TWINS_DELETE -> twins.delete(request);
            case COMPONENTS_GET -> twins.getComponent(request);
            case COMPONENTS_PATCH -> twins.updateComponent(request);
            case TELEMETRY_SEND, COMPONENT_TELEMETRY_SEND -> telemetry.send(request);
            case QUERY -> queries.query(request);
            case RELATIONSHIPS_GET -> relationships.get(request);
            case RELATIONSHIPS_PUT -> relationships.createOrReplace(request);
            case RELATIONSHIPS_PATCH -> relationships.update(request);
            case RELATIONSHIPS_DELETE -> relationships.delete(request);
            case RELATIONSHIPS_LIST -> relationships.listOutgoing(request);
            case RELATIONSHIPS_INCOMING -> relationships.listIncoming(request);
            case IMPORT_JOBS_PUT -> jobs.create(request);
            case IMPORT_JOBS_GET -> jobs.get(request);
            case IMPORT_JOBS_LIST -> jobs.list(request);
            case IMPORT_JOBS_CANCEL -> jobs.cancel(request);
            case IMPORT_JOBS_DELETE -> jobs.delete(request);
            case EVENT_ROUTES_PUT -> eventRoutes.createOrReplace(request);
            case EVENT_ROUTES_GET -> eventRoutes.get(request);
            case EVENT_ROUTES_LIST -> eventRoutes.list(request);
            case EVENT_ROUTES_DELETE -> eventRoutes.delete(request);
            case NOT_IMPLEMENTED ->
                throw new AdtException(
                        AdtError.NOT_IMPLEMENTED,
                        request.method() + " " + request.path()
                                + " is an ADT operation the emulator does not offer yet");
            case UNKNOWN ->
                throw new AdtException(
                        AdtError.ROUTE_NOT_FOUND,
                        "No ADT operation matches " + request.method() + " " + request.path());
        };
    }
}
