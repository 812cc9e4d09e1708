package dev.nsg.dhpush.buildkit;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import dev.nsg.dhpush.dockerfile.DockerfileInstructions;
import dev.nsg.dhpush.engine.BuildKitRequest;
import dev.nsg.dhpush.engine.BuildRequest;
import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.engine.EngineProgress;
import dev.nsg.dhpush.engine.SessionRequest;
import dev.nsg.dhpush.failure.BuildFailedException;
import io.grpc.ServerServiceDefinition;

/**
 * A build through BuildKit, as {@code docker build} runs it on current engines: a session serving the context, the
 * Dockerfile, registry credentials and secrets, then {@code /build?version=2} naming it, its progress decoded as it
 * comes. The session stays open until the build's stream ends (exporting may still ask for credentials), and an
 * interrupted run cancels the build on the engine.
 */
public final class BuildKitBuilder {

    private static final Logger LOG = Logger.getLogger(BuildKitBuilder.class);
    /**
     * BuildKit's words for a RUN whose command failed: "process … did not complete successfully: exit code: 3" (Docker
     * 23 and later), "executor failed running [/bin/sh -c …]: exit code: 3" (Docker 20.10).
     */
    private static final Pattern EXIT_CODE = Pattern.compile("(?:did not complete successfully|executor failed running \\[.*\\]): exit code: (\\d+)",
            Pattern.DOTALL);
    private static final String ID_CHARACTERS = "0123456789abcdefghijklmnopqrstuvwxyz";

    private BuildKitBuilder() {
    }

    /** Whether the warm-up has started: it runs once per process. */
    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Loads what a session needs (gRPC, Netty, the messages) on a background thread, so a run that may build with
     * BuildKit pays for it while its plan, the engine's answer and the preflight take their time, rather than after.
     */
    public static void warmUp() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                HealthService.definition();
                FileSyncService.DIFF_COPY.getFullMethodName();
                AuthService.CREDENTIALS.getFullMethodName();
                SecretsService.GET_SECRET.getFullMethodName();
                TraceProgress.class.getName();
                io.grpc.netty.NettyServerBuilder.forAddress(new io.netty.channel.local.LocalAddress("dhpush-warm-up"))
                        .channelType(io.netty.channel.local.LocalServerChannel.class);
                new io.netty.channel.nio.NioEventLoopGroup(1).shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
            } catch (RuntimeException | LinkageError e) {
                LOG.debugf("BuildKit warm-up: %s", e);
            }
        }, "buildkit-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Builds and returns the image ID the engine reports. */
    public static String build(DockerEngine engine, BuildRequest request, BuildKitOptions options, EngineProgress progress) {
        Path context = request.context().directory();
        Path dockerfile = request.context().dockerfile();
        Map<String, Path> directories = Map.of("context", context, "dockerfile", dockerfile.getParent());
        Map<String, BuildSecret> secrets = new LinkedHashMap<>();
        options.secrets().forEach(secret -> secrets.put(secret.id(), secret));
        SessionFailures failures = new SessionFailures();
        SyncCounters counters = new SyncCounters();
        ExecutorService handlers = BuildKitSession.handlerThreads();
        List<ServerServiceDefinition> services = List.of(HealthService.definition(),
                FileSyncService.definition(directories, handlers, failures, counters),
                AuthService.definition(options.pulls()), SecretsService.definition(secrets));
        List<String> methods = new ArrayList<>(List.of(SessionMethods.path(HealthService.CHECK), SessionMethods.path(FileSyncService.DIFF_COPY),
                SessionMethods.path(AuthService.CREDENTIALS), SessionMethods.path(SecretsService.GET_SECRET)));
        String sessionId = randomId();
        String buildId = "dhpush-" + randomId();
        SessionRequest session = new SessionRequest(sessionId, context.getFileName() == null ? "context" : context.getFileName().toString(),
                SharedKey.of(context, options.nodeIdFile()), methods);
        AtomicBoolean interrupted = new AtomicBoolean();
        TraceProgress trace = new TraceProgress(progress, interrupted);
        try (BuildKitSession open = BuildKitSession.open(engine, session, services, handlers)) {
            Thread cancel = new Thread(() -> {
                interrupted.set(true);
                engine.cancelBuild(buildId);
                open.close();
            }, "buildkit-cancel");
            Runtime.getRuntime().addShutdownHook(cancel);
            try {
                String imageId = engine.buildWithSession(new BuildKitRequest(request, sessionId, buildId,
                        dockerfile.getFileName().toString(), options.cacheFrom()), trace);
                LOG.debugf("BuildKit session %s: %d entries listed, %d files (%d bytes) sent", sessionId, counters.listed.get(),
                        counters.filesSent.get(), counters.bytesSent.get());
                return imageId;
            } catch (RuntimeException e) {
                if (interrupted.get()) {
                    awaitExit();
                }
                throw e instanceof BuildFailedException failed
                        ? withStep(failed, imageName(request), trace.failed(), failures.first(), dockerfile) : e;
            } finally {
                removeHook(cancel);
            }
        }
    }

    /**
     * The step that failed, the Dockerfile line it comes from and the command's exit code, with the step's last lines;
     * or, where dhpush's side of the session failed (a file it could not read), that.
     */
    private static BuildFailedException withStep(BuildFailedException e, String image, TraceProgress.Step failed, String localFailure,
            Path dockerfile) {
        if (e.reason() != BuildFailedException.Reason.STEP || failed == null || failed.name() == null) {
            String message = e.getMessage() + (localFailure == null ? "" : " (" + localFailure + ")");
            return localFailure == null ? e : new BuildFailedException(e.reason(), e.detail(), message, e.dockerfile(), e.line(), e.step(), e.stepOutput());
        }
        Integer line = DockerfileInstructions.read(dockerfile).lineOfStep(failed.name()).orElse(null);
        Matcher exit = EXIT_CODE.matcher(failed.error() == null ? e.getMessage() : failed.error());
        String why = exit.find() ? "exit code " + exit.group(1) : (failed.error() != null ? failed.error() : e.getMessage());
        String message = "build " + image + ": " + failed.name() + (line == null ? "" : " (" + dockerfile + " line " + line + ")") + " failed: " + why;
        return new BuildFailedException(e.reason(), e.detail(), message, e.dockerfile(), line, failed.name(), failed.lastLines());
    }

    /**
     * Ctrl-C cancelled the build, so the engine ends its stream with an error at once, while the JVM is still running
     * its shutdown hooks (one of which says "interrupted"): that error is the interruption's own doing and is not
     * reported; this thread waits for the exit instead.
     */
    private static void awaitExit() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String imageName(BuildRequest request) {
        return request.names().isEmpty() ? "image" : request.names().get(0);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    /** 25 base-36 characters, the form of BuildKit's own session ids (identity.NewID). */
    private static String randomId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder(25);
        for (int i = 0; i < 25; i++) {
            id.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }

}
