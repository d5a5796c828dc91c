package io.twinsync.emulator.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closes a share of connections without an answer, before the request is read or applied: the client sees an I/O
 * error (end of stream) as it would when a load balancer drops a connection.
 */
final class ConnectionDropper implements HttpHandler {

    private final double rate;
    private final FaultDice dice;
    private final HttpHandler next;
    private final LongAdder dropped = new LongAdder();

    ConnectionDropper(double rate, FaultDice dice, HttpHandler next) {
        this.rate = rate;
        this.dice = dice;
        this.next = next;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!dice.roll(rate)) {
            next.handle(exchange);
            return;
        }
        dropped.increment();
        // Closing an exchange whose response headers were never sent closes the connection itself.
        exchange.close();
    }

    long dropped() {
        return dropped.sum();
    }

    void reset() {
        dropped.reset();
    }
}
