package io.twinsync.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.jobs.ImportJob;
import io.twinsync.emulator.jobs.ImportJobService;
import io.twinsync.emulator.json.EmulatorJson;

/** {@code /jobs/imports}: create, get, list, cancel and delete import jobs. */
final class JobsEndpoint {

    private final ImportJobService jobs;
    private final int defaultPageSize;

    JobsEndpoint(ImportJobService jobs, int defaultPageSize) {
        this.jobs = jobs;
        this.defaultPageSize = defaultPageSize;
    }

    ApiResponse create(ApiRequest request) {
        return ApiResponse.json(201, render(jobs.create(request.pathParameter(0), Bodies.json(request))));
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.json(200, render(jobs.get(request.pathParameter(0))));
    }

    ApiResponse list(ApiRequest request) {
        var page = jobs.list(Paging.continuation(request), Paging.pageSize(request, defaultPageSize));
        return Paging.answer(request, page, JobsEndpoint::render);
    }

    ApiResponse cancel(ApiRequest request) {
        return ApiResponse.json(200, render(jobs.cancel(request.pathParameter(0))));
    }

    ApiResponse delete(ApiRequest request) {
        jobs.delete(request.pathParameter(0));
        return ApiResponse.noContent();
    }

    /** ADT's ImportJob: fields without a value (finishedDateTime, error) are left out, as in its examples. */
    private static ObjectNode render(ImportJob job) {
        ObjectNode body = EmulatorJson.object();
        body.put("id", job.id());
        body.put("inputBlobUri", job.inputBlobUri());
        body.put("outputBlobUri", job.outputBlobUri());
        body.put("status", job.status().wireName());
        body.put("createdDateTime", job.created().toString());
        body.put("lastActionDateTime", job.lastAction().toString());
        job.finished().ifPresent(finished -> body.put("finishedDateTime", finished.toString()));
        body.put("purgeDateTime", job.purge().toString());
        job.error()
                .ifPresent(error ->
                        body.putObject("error").put("code", error.code()).put("message", error.message()));
        return body;
    }
}
