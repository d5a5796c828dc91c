package io.twinsync.emulator.http;

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
        ApiResponse response = next.handle(request);
        byStatus.computeIfAbsent(response.status(), k -> new LongAdder()).increment();
        return response;
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
