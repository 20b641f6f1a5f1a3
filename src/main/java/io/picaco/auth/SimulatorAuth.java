package io.picaco.auth;

import java.net.URI;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The app's own calls to its embedded simulator ({@code http://localhost:<port>/sim/v1}) carry the auth token, which
 * the simulator needs like every other route. Only loopback {@code /sim/v1} URLs get it, so a model endpoint
 * configured elsewhere never sees the token (it keeps its own {@code api-key}).
 */
@Provider
@Priority(Priorities.USER + 1000) // after the model client has set its own api-key header
public class SimulatorAuth implements ClientRequestFilter {
    private volatile Optional<String> token;

    @Override
    public void filter(ClientRequestContext request) {
        Optional<String> t = token();
        if (t.isPresent() && ownSimulator(request.getUri())) {
            request.getHeaders().putSingle("Authorization", "Bearer " + t.get());
        }
    }

    private Optional<String> token() {
        if (token == null) {
            token = ConfigProvider.getConfig().getOptionalValue("picaco.auth.token", String.class)
                    .map(String::strip).filter(s -> !s.isEmpty());
        }
        return token;
    }

    static boolean ownSimulator(URI uri) {
        if (uri == null || uri.getHost() == null || uri.getRawPath() == null) {
            return false;
        }
        String h = uri.getHost();
        boolean loopback = h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
        return loopback && uri.getRawPath().startsWith("/sim/v1/");
    }
}
