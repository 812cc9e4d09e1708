package dev.nsg.dhpush.cli;

import dev.nsg.dhpush.failure.InvalidInputException;

/** Invalid input the command line itself finds (a missing option, two that exclude each other), with its own hint. */
final class UsageFailure extends InvalidInputException {

    private final String hint;

    UsageFailure(String message, String hint) {
        super(Problem.OPTIONS, null, message);
        this.hint = hint;
    }

    String hint() {
        return hint;
    }
}
