package dev.nsg.dhpush.engine;

import java.time.Duration;

/**
 * One event of a BuildKit build's progress, as {@code docker build --progress=plain} shows it: step {@code number}
 * (numbered in the order steps first appear) started, printed a line, reported a status, or ended.
 *
 * @param name the step as BuildKit names it ({@code [2/3] RUN pip install …}, {@code [internal] load .dockerignore})
 * @param text the output line, status, or error; empty for STARTED, CACHED and DONE
 * @param elapsed time since the step started (for OUTPUT and DONE), else zero
 */
public record BuildStep(int number, String name, Kind kind, String text, Duration elapsed) {

    public enum Kind { STARTED, OUTPUT, STATUS, CACHED, DONE, ERROR }
}
