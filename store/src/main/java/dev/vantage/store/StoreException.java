package dev.vantage.store;

/**
 * The database cannot be opened or used. The message is one sentence for the user (what failed,
 * what to do); the cause keeps the driver's detail for debugging.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
