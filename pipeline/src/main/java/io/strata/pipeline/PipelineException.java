package io.strata.pipeline;

/**
 * What goes wrong in a pipeline: a missing setting, a column of the wrong type, a failed load. The
 * message names the table, column or variable concerned; database errors are kept as the cause.
 */
public class PipelineException extends RuntimeException {

    public PipelineException(String message) {
        super(message);
    }

    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
