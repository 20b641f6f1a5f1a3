package io.picaco.auth;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Log lines leave the process too: a message or exception text holding a configured secret is logged with the
 * secret masked ({@code quarkus.log.console.filter=picaco-secrets}).
 */
@LoggingFilter(name = "picaco-secrets")
public final class RedactingLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (Secrets.contains(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(Secrets.redact(message), ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(Secrets.redact(message));
            }
            record.setParameters(null);
        }
        if (record.getThrown() != null && mentionsSecret(record.getThrown())) {
            record.setThrown(RedactedThrowable.of(record.getThrown()));
        }
        return true;
    }

    private static boolean mentionsSecret(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            if (Secrets.contains(x.getMessage()) || Secrets.contains(x.toString())) {
                return true;
            }
        }
        return false;
    }

    /** A copy of an exception chain with its messages redacted and its stack traces kept. */
    static final class RedactedThrowable extends RuntimeException {
        private final String type;

        private RedactedThrowable(String type, String message, Throwable cause) {
            super(message, cause);
            this.type = type;
        }

        static Throwable of(Throwable t) {
            return copy(t, 0);
        }

        private static Throwable copy(Throwable t, int depth) {
            if (t == null || depth > 20) {
                return null;
            }
            RedactedThrowable r = new RedactedThrowable(t.getClass().getName(), Secrets.redact(t.getMessage()),
                    copy(t.getCause() == t ? null : t.getCause(), depth + 1));
            r.setStackTrace(t.getStackTrace());
            return r;
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }
}
