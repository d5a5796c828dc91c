package io.twinsync.emulator.http;

import io.twinsync.emulator.error.AdtException;
import java.util.List;

/** Runs a request through the filters in order, then the handler; errors become ADT error responses per stage. */
public final class RequestPipeline implements RequestHandler {

    private final List<RequestFilter> filters;
    private final RequestHandler terminal;

    public RequestPipeline(List<RequestFilter> filters, RequestHandler terminal) {
        this.filters = List.copyOf(filters);
        this.terminal = terminal;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return stage(0).handle(request);
    }

    private RequestHandler stage(int index) {
        return request -> {
            try {
                return index < filters.size()
                        ? filters.get(index).filter(request, stage(index + 1))
                        : terminal.handle(request);
            } catch (AdtException e) {
                return ErrorResponses.of(e);
            }
        };
    }
}
