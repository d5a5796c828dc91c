package io.twinsync.sample.erp;

/** Creating the sample ERP failed; the message names the script, line and statement. */
public class SampleErpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SampleErpException(String message, Throwable cause) {
        super(message, cause);
    }

    public SampleErpException(String message) {
        super(message);
    }
}
