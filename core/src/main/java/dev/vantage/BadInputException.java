package dev.vantage;

/**
 * A mistake the user can fix: a malformed target, port list, option value or input file.
 * The message is one sentence that says what is wrong and what to do; callers print it as-is
 * and exit with status 2, never with a stack trace.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message, null, false, false);
    }
}
