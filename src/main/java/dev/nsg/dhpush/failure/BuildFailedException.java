package dev.nsg.dhpush.failure;

import java.nio.file.Path;
import java.util.List;

/** The engine refused or failed the image build. */
public class BuildFailedException extends DhpushException {

    /**
     * DOCKERFILE: the engine cannot read the Dockerfile (syntax, unknown instruction); TARGET: no such stage;
     * REFUSED: another refusal of the build request; STEP: a step failed; NO_IMAGE: the build ended without an image.
     */
    public enum Reason { DOCKERFILE, TARGET, REFUSED, STEP, NO_IMAGE }

    private final Reason reason;
    private final Path dockerfile;
    private final Integer line;
    private final String step;
    private final List<String> stepOutput;

    public BuildFailedException(Reason reason, String message, Path dockerfile, Integer line, String step, List<String> stepOutput) {
        super(ExitCode.BUILD_FAILED, message, null);
        this.reason = reason;
        this.dockerfile = dockerfile;
        this.line = line;
        this.step = step;
        this.stepOutput = List.copyOf(stepOutput);
    }

    public Reason reason() {
        return reason;
    }

    /** The Dockerfile the engine read, as the user named it. */
    public Path dockerfile() {
        return dockerfile;
    }

    /** The Dockerfile line the engine names, or null. */
    public Integer line() {
        return line;
    }

    /** The failing step's header ({@code Step 3/6 : RUN …}), or null. */
    public String step() {
        return step;
    }

    /** The failing step's last lines of output, oldest first. */
    public List<String> stepOutput() {
        return stepOutput;
    }
}
