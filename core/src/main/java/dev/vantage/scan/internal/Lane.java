package dev.vantage.scan.internal;

/** One scanning thread's work: takes attempts from the scheduler until the scan is done. */
interface Lane extends Runnable {

    /** Asks the lane to stop soon (from another thread). */
    void cancel();
}
