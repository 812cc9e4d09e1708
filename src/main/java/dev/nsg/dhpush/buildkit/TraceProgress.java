package dev.nsg.dhpush.buildkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;

import dev.nsg.dhpush.buildkit.wire.StatusResponse;
import dev.nsg.dhpush.buildkit.wire.Vertex;
import dev.nsg.dhpush.buildkit.wire.VertexLog;
import dev.nsg.dhpush.buildkit.wire.VertexStatus;
import dev.nsg.dhpush.engine.BuildKitStream;
import dev.nsg.dhpush.engine.BuildStep;
import dev.nsg.dhpush.engine.BuildStep.Kind;
import dev.nsg.dhpush.engine.EngineProgress;

/**
 * Turns the {@code moby.buildkit.trace} messages into steps as they happen. Each message is a delta keyed by the
 * vertex digest (first a name, later its start, then its end, cache hit or error), so the state of every vertex is
 * kept and only what changed is reported: a step is numbered when it first starts, its output is cut into lines as
 * they complete, and a step's last lines are kept in case it fails.
 */
final class TraceProgress implements BuildKitStream {

    private static final Logger LOG = Logger.getLogger(TraceProgress.class);
    private static final int KEPT_LINES = 20;

    private final EngineProgress progress;
    private final AtomicBoolean silenced;
    private final Map<String, Step> steps = new HashMap<>();
    private final Map<String, Boolean> statusesDone = new HashMap<>();
    private int numbered;
    private Step failed;

    /** @param silenced once set (the run is being interrupted), nothing more is reported */
    TraceProgress(EngineProgress progress, AtomicBoolean silenced) {
        this.progress = progress;
        this.silenced = silenced;
    }

    /** The step that ended in an error, if one did. */
    Step failed() {
        return failed;
    }

    @Override
    public void trace(byte[] statusResponse) {
        StatusResponse status;
        try {
            status = StatusResponse.parseFrom(statusResponse);
        } catch (InvalidProtocolBufferException e) {
            LOG.debugf("a BuildKit trace that does not decode: %s", e.getMessage());
            return;
        }
        // A step's start before its output and statuses, its end after them, as they happened.
        status.getVertexesList().forEach(this::vertex);
        status.getStatusesList().forEach(this::status);
        status.getLogsList().forEach(this::log);
        status.getVertexesList().forEach(this::ending);
    }

    @Override
    public void output(String text) {
        progress.buildOutput(text);
    }

    private void vertex(Vertex vertex) {
        Step step = steps.computeIfAbsent(vertex.getDigest(), digest -> new Step());
        if (!vertex.getName().isEmpty()) {
            step.name = vertex.getName();
        }
        if (vertex.hasStarted()) {
            step.started = vertex.getStarted();
        }
        if (!step.ended && (vertex.hasStarted() || vertex.getCached())) {
            announce(step);
        }
    }

    private void ending(Vertex vertex) {
        Step step = steps.get(vertex.getDigest());
        if (step.ended) {
            return;
        }
        if (vertex.getCached()) {
            announce(step);
            step.ended = true;
            emit(step, Kind.CACHED, "", Duration.ZERO);
        } else if (!vertex.getError().isEmpty()) {
            announce(step);
            flushPartialLines(step);
            step.ended = true;
            step.error = vertex.getError();
            failed = step;
            emit(step, Kind.ERROR, vertex.getError(), Duration.ZERO);
        } else if (vertex.hasCompleted()) {
            announce(step);
            flushPartialLines(step);
            step.ended = true;
            emit(step, Kind.DONE, "", between(step.started, vertex.getCompleted()));
        }
    }

    private void status(VertexStatus status) {
        Step step = steps.get(status.getVertex());
        if (step == null || !status.hasCompleted() || statusesDone.put(status.getVertex() + "/" + status.getID(), true) != null) {
            return;
        }
        announce(step);
        String name = status.getName().isEmpty() ? status.getID() : status.getName();
        String amount = status.getTotal() > 0 ? " " + status.getCurrent() + "/" + status.getTotal()
                : status.getCurrent() > 0 ? " " + status.getCurrent() : "";
        emit(step, Kind.STATUS, name + amount + " done", between(status.getStarted(), status.getCompleted()));
    }

    private void log(VertexLog log) {
        Step step = steps.computeIfAbsent(log.getVertex(), digest -> new Step());
        announce(step);
        StringBuilder partial = step.partial(log.getStream());
        partial.append(new String(log.getMsg().toByteArray(), StandardCharsets.UTF_8));
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            line(step, partial.substring(0, newline), log.getTimestamp());
            partial.delete(0, newline + 1);
        }
    }

    private void flushPartialLines(Step step) {
        for (StringBuilder partial : List.of(step.stdout, step.stderr)) {
            if (partial.length() > 0) {
                line(step, partial.toString(), null);
                partial.setLength(0);
            }
        }
    }

    private void line(Step step, String text, Timestamp at) {
        String line = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        step.lastLines.addLast(line);
        while (step.lastLines.size() > KEPT_LINES) {
            step.lastLines.removeFirst();
        }
        emit(step, Kind.OUTPUT, line, at == null ? Duration.ZERO : between(step.started, at));
    }

    private void announce(Step step) {
        if (step.number == 0) {
            step.number = ++numbered;
            emit(step, Kind.STARTED, "", Duration.ZERO);
        }
    }

    private void emit(Step step, Kind kind, String text, Duration elapsed) {
        if (silenced.get()) {
            return;
        }
        progress.buildStep(new BuildStep(step.number, step.name == null ? "" : step.name, kind, text, elapsed));
    }

    private static Duration between(Timestamp from, Timestamp to) {
        if (from == null || to == null || from.getSeconds() == 0) {
            return Duration.ZERO;
        }
        Duration elapsed = Duration.ofSeconds(to.getSeconds() - from.getSeconds(), to.getNanos() - from.getNanos());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    /** One vertex as seen so far. */
    static final class Step {
        private int number;
        private String name;
        private Timestamp started;
        private boolean ended;
        private String error;
        private final StringBuilder stdout = new StringBuilder();
        private final StringBuilder stderr = new StringBuilder();
        private final Deque<String> lastLines = new ArrayDeque<>();

        private StringBuilder partial(long stream) {
            return stream == 2 ? stderr : stdout;
        }

        String name() {
            return name;
        }

        String error() {
            return error;
        }

        List<String> lastLines() {
            return List.copyOf(lastLines);
        }
    }
}
