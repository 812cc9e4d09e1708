package dev.nsg.dhpush.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * For src/bench/run: the Docker-Hub stand-in the tests use (token registry plus issuer) behind a counting proxy.
 * Prints {@code REGISTRY PROXY} (two host:port), then answers "count" (registry and token requests since the last "reset")
 * and "reset" on stdin, until stdin closes.
 */
public final class BenchRegistries {

    public static final String USER = "bench";
    public static final String PASSWORD = "bench-password";

    private BenchRegistries() {
    }

    public static void main(String[] arguments) throws Exception {
        try (TokenIssuer issuer = TokenIssuer.start(Map.of(USER, PASSWORD));
                LocalRegistry registry = LocalRegistry.withTokenAuth(issuer);
                RecordingProxy proxy = RecordingProxy.inFrontOf(registry.url(""))) {
            // The engine pushes to the registry itself: through the proxy, the registry's upload URLs would name
            // its own port, for which the engine holds no token. dhpush verifies through the proxy, which counts.
            System.out.println(registry.address() + " " + proxy.address());
            System.out.flush();
            int tokensAtReset = 0;
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("reset")) {
                    proxy.reset();
                    tokensAtReset = issuer.tokensIssued();
                    System.out.println("ok");
                } else if (line.equals("count")) {
                    System.out.println(proxy.seen().size() + (issuer.tokensIssued() - tokensAtReset));
                }
                System.out.flush();
            }
        }
    }
}
