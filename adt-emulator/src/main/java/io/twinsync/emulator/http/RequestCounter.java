package io.twinsync.emulator.http;

import io.twinsync.emulator.error.AdtError;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts every request received by operation kind and every answer by HTTP status. First in the pipeline. */
public final class RequestCounter implements RequestFilter {

    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

    @Override
    public ApiResponse filter(ApiRequest request, RequestHandler next) {
        byOperation
                .computeIfAbsent(request.operation().kind(), k -> new LongAdder())
                .increment();
        ApiResponse response;
        try {
            response = next.handle(request);
        } catch (RuntimeException e) {
            // the HTTP handler turns an unexpected failure into a 500; count it here, where it escapes
            record(AdtError.INTERNAL_ERROR.status());
            throw e;
        }
        record(response.status());
        return response;
    }

    private void record(int status) {
        byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    /** A copy of the counts by operation kind, sorted by kind. */
    public Map<String, Long> operations() {
        Map<String, Long> copy = new TreeMap<>();
        byOperation.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }

    /** A copy of the counts by HTTP status. */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> copy = new TreeMap<>();
        byStatus.forEach((status, count) -> copy.put(status, count.sum()));
        return copy;
    }

    public void reset() {
        byOperation.clear();
        byStatus.clear();
    }
}
