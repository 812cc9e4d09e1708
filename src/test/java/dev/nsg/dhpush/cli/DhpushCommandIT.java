package dev.nsg.dhpush.cli;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** The same contract, run against the packaged artifact: the JVM jar here, the native executable in the pipeline. */
@QuarkusMainIntegrationTest
class DhpushCommandIT extends CommandLineContract {
}
