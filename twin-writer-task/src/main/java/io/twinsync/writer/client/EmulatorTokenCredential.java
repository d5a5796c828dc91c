package io.twinsync.writer.client;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * A fixed bearer token for the emulator, which checks that a token is present but not what it says. The SDK
 * insists on a credential, so this satisfies it without signing in anywhere.
 */
public final class EmulatorTokenCredential implements TokenCredential {

    private static final String TOKEN = "twinsync-emulator-token";

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.just(getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        return new AccessToken(TOKEN, OffsetDateTime.now().plusDays(1));
    }
}
