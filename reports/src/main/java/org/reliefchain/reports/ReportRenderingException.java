package org.reliefchain.reports;

/** A template could not be filled or exported: a defect, not bad user input. */
public class ReportRenderingException extends RuntimeException {

    public ReportRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
