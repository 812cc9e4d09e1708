package dev.nsg.dhpush.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Puts the engine under test in front of every integration test failure: the same tests run on several engines, and
 * "expected sha256:… but was …" alone does not say on which. Registered for every test class (junit-platform.properties)
 * and silent for tests that never asked for an engine.
 */
public final class EngineInFailures implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (!LocalEngine.asked() || failure.getMessage() != null && failure.getMessage().startsWith("[engine ")) {
            throw failure;
        }
        AssertionError named = new AssertionError("[engine " + LocalEngine.describe() + "] " + failure.getMessage(), failure);
        named.setStackTrace(failure.getStackTrace());
        throw named;
    }
}
