package io.twinsync.emulator.recorded;

import io.twinsync.emulator.AdtEmulator;
import io.twinsync.emulator.TestEmulators;

/**
 * Replays one recording against a fresh emulator: seeds what the recording found already there, then sends every
 * recorded request in order (to the emulator's host, with the emulator's ETags, next links and continuation tokens
 * where the recording sent the service's back) and checks each answer against the recorded one.
 */
final class SessionReplay {

    private SessionReplay() {}

    static ReplayResult replay(Recording recording) {
        // The emulator's default page sizes are under test, so none is configured here.
        try (AdtEmulator emulator = TestEmulators.start()) {
            ReplayClient client = new ReplayClient(emulator);
            VolatileValues volatiles = new VolatileValues(emulator.endpoint());
            CheckLog log = new CheckLog();
            new StateSeeder(client, volatiles).seed(recording, log);
            ExchangeChecks checks = new ExchangeChecks(volatiles, new TimeRelations());
            for (RecordedExchange exchange : recording.exchanges()) {
                ReplayedResponse response = client.send(
                        exchange.method(),
                        volatiles.requestUri(exchange),
                        volatiles.requestHeaders(exchange),
                        volatiles.requestBody(exchange));
                checks.run(exchange, response, log);
            }
            return new ReplayResult(recording.name(), log.checks(), log.matching(), log.mismatches());
        }
    }
}
