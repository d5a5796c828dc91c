package io.twinsync.writer.support;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * An azure-core {@link HttpClient} that answers from a script, one answer per request, the last answer repeating,
 * and remembers what it was sent ({@code METHOD path}).
 */
public final class ScriptedHttpClient implements HttpClient {

    private final Deque<Function<HttpRequest, HttpResponse>> script = new ArrayDeque<>();
    private final List<String> sent = new ArrayList<>();

    @SafeVarargs
    public ScriptedHttpClient(Function<HttpRequest, HttpResponse>... answers) {
        for (Function<HttpRequest, HttpResponse> answer : answers) {
            script.add(answer);
        }
    }

    @Override
    public synchronized Mono<HttpResponse> send(HttpRequest request) {
        sent.add(request.getHttpMethod() + " " + request.getUrl().getPath());
        Function<HttpRequest, HttpResponse> answer = script.size() > 1 ? script.poll() : script.peek();
        return Mono.just(answer.apply(request));
    }

    public synchronized List<String> sent() {
        return List.copyOf(sent);
    }
}
