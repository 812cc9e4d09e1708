package dev.nsg.dhpush.buildkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;

import dev.nsg.dhpush.buildkit.wire.StatusResponse;
import dev.nsg.dhpush.buildkit.wire.Vertex;
import dev.nsg.dhpush.buildkit.wire.VertexLog;
import dev.nsg.dhpush.engine.BuildStep;
import dev.nsg.dhpush.engine.EngineProgress;

class TraceProgressTest {

    private final List<String> shown = new ArrayList<>();
    private final TraceProgress trace = new TraceProgress(new EngineProgress() {
        @Override
        public void buildStep(BuildStep step) {
            shown.add(step.number() + " " + step.kind() + " " + step.name() + (step.text().isEmpty() ? "" : ": " + step.text())
                    + (step.elapsed().isZero() ? "" : " " + step.elapsed().toMillis() + "ms"));
        }
    }, new java.util.concurrent.atomic.AtomicBoolean());

    private static Timestamp at(long seconds, int nanos) {
        return Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
    }

    private void send(StatusResponse.Builder status) {
        trace.trace(status.build().toByteArray());
    }

    @Test
    void deltas_areMergedByDigest_stepsNumberedAsTheyStart_outputCutIntoLines_andTheFailureKept() {
        send(StatusResponse.newBuilder().addVertexes(Vertex.newBuilder().setDigest("sha256:a").setName("[1/2] FROM base"))
                .addVertexes(Vertex.newBuilder().setDigest("sha256:b").setName("[2/2] RUN make")));
        send(StatusResponse.newBuilder().addVertexes(Vertex.newBuilder().setDigest("sha256:a").setName("[1/2] FROM base").setCached(true)));
        send(StatusResponse.newBuilder().addVertexes(Vertex.newBuilder().setDigest("sha256:b").setName("[2/2] RUN make").setStarted(at(100, 0))));
        send(StatusResponse.newBuilder().addLogs(VertexLog.newBuilder().setVertex("sha256:b").setStream(1)
                .setMsg(ByteString.copyFromUtf8("compiling\npart")).setTimestamp(at(100, 500_000_000))));
        send(StatusResponse.newBuilder().addLogs(VertexLog.newBuilder().setVertex("sha256:b").setStream(1)
                .setMsg(ByteString.copyFromUtf8("ial line\n")).setTimestamp(at(101, 0))));
        send(StatusResponse.newBuilder().addVertexes(Vertex.newBuilder().setDigest("sha256:b").setName("[2/2] RUN make")
                .setStarted(at(100, 0)).setCompleted(at(102, 0)).setError("exit code: 2")));
        assertEquals(List.of("1 STARTED [1/2] FROM base", "1 CACHED [1/2] FROM base", "2 STARTED [2/2] RUN make",
                "2 OUTPUT [2/2] RUN make: compiling 500ms", "2 OUTPUT [2/2] RUN make: partial line 1000ms",
                "2 ERROR [2/2] RUN make: exit code: 2"), shown);
        assertEquals("[2/2] RUN make", trace.failed().name());
        assertEquals(List.of("compiling", "partial line"), trace.failed().lastLines());
    }

    @Test
    void aStepThatEnds_isDoneWithItsDuration_once() {
        Vertex done = Vertex.newBuilder().setDigest("sha256:c").setName("[internal] load .dockerignore").setStarted(at(5, 0))
                .setCompleted(at(5, 300_000_000)).build();
        send(StatusResponse.newBuilder().addVertexes(done));
        send(StatusResponse.newBuilder().addVertexes(done));
        assertEquals(List.of("1 STARTED [internal] load .dockerignore", "1 DONE [internal] load .dockerignore 300ms"), shown);
    }
}
