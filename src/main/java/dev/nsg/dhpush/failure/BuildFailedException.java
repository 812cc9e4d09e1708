package dev.nsg.dhpush.failure;

import java.nio.file.Path;
import java.util.List;

/** The engine refused or failed the image build. */
public class BuildFailedException extends DhpushException {

    /**
     * DOCKERFILE: the engine cannot read the Dockerfile (syntax, unknown instruction); BUILDKIT_ONLY: it uses a feature
     * only BuildKit has, which the classic builder refuses; TARGET: no such stage; ENGINE_POLICY: the engine's
     * authorization plugin refused (Bitbucket's docker service); REFUSED: another refusal of the build request; STEP:
     * a step failed; NO_IMAGE: the build ended without an image.
     */
    public enum Reason { DOCKERFILE, BUILDKIT_ONLY, TARGET, ENGINE_POLICY, REFUSED, STEP, NO_IMAGE }

    private final Reason reason;
    private final String detail;
    private final Path dockerfile;
    private final Integer line;
    private final String step;
    private final List<String> stepOutput;

    /**
     * @param detail for BUILDKIT_ONLY the feature ({@code --mount}, {@code heredoc}), for ENGINE_POLICY the plugin's
     *        name; else null
     */
    public BuildFailedException(Reason reason, String detail, String message, Path dockerfile, Integer line, String step,
            List<String> stepOutput) {
        super(ExitCode.BUILD_FAILED, message, null);
        this.reason = reason;
        this.detail = detail;
        this.dockerfile = dockerfile;
        this.line = line;
        this.step = step;
        this.stepOutput = List.copyOf(stepOutput);
    }

    public Reason reason() {
        return reason;
    }

    /** The BuildKit-only feature, or the authorization plugin that refused; else null. */
    public String detail() {
        return detail;
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
