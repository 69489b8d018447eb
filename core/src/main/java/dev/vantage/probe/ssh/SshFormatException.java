package dev.vantage.probe.ssh;

import java.io.IOException;

/** A message that does not follow the SSH wire format: the server is not speaking SSH, or is hostile. */
public final class SshFormatException extends IOException {
    public SshFormatException(String message) {
        super(message);
    }
}
