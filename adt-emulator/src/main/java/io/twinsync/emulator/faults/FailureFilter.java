package io.twinsync.emulator.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.http.ApiRequest;
import io.twinsync.emulator.http.ApiResponse;
import io.twinsync.emulator.http.RequestFilter;
import io.twinsync.emulator.http.RequestHandler;
import io.twinsync.emulator.json.EmulatorJson;

/** Answers a share of requests with a server error, before they reach the graph, so nothing is changed. */
final class FailureFilter implements RequestFilter {

    private final double rate;
    private final int status;
    private final FaultDice dice;

    FailureFilter(double rate, int status, FaultDice dice) {
        this.rate = rate;
        this.status = status;
        this.dice = dice;
    }

    @Override
    public ApiResponse filter(ApiRequest request, RequestHandler next) {
        if (!dice.roll(rate)) {
            return next.handle(request);
        }
        String code = code(status);
        ObjectNode body = EmulatorJson.object();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put(
                "message",
                "Injected fault: the emulator answers " + status + " to a share of " + rate + " of requests ("
                        + request.method() + " " + request.path() + " was not applied); retry it");
        return ApiResponse.json(status, body).withHeader("x-ms-error-code", code);
    }

    private static String code(int status) {
        return switch (status) {
            case 500 -> "InternalServerError";
            case 502 -> "BadGateway";
            case 504 -> "GatewayTimeout";
            default -> "ServiceUnavailable";
        };
    }
}
