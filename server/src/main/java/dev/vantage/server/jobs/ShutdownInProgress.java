package dev.vantage.server.jobs;

/** Thrown out of a job when the service stops under it: the job goes back into the queue, unharmed. */
final class ShutdownInProgress extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ShutdownInProgress(String orderId) {
        super("the service stopped while order " + orderId + " ran; it will run again", null, false, false);
    }
}
