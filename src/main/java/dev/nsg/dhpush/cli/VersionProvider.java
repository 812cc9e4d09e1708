package dev.nsg.dhpush.cli;

import org.eclipse.microprofile.config.ConfigProvider;

import picocli.CommandLine.IVersionProvider;

/** {@code dhpush --version}: the version Maven built, plus the runtime, which matters when reporting a bug. */
class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.version", String.class)
                .orElse("unknown");
        String runtime = System.getProperty("org.graalvm.nativeimage.imagecode") != null
                ? "native"
                : "JVM " + Runtime.version();
        return new String[] { "dhpush " + version + " (" + runtime + ")" };
    }
}
