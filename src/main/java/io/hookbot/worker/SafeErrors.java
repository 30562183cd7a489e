package io.hookbot.worker;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Describes a failure for a log line at WARN or ERROR without the data it may carry. Database errors put the
 * statement's values in their messages (PostgreSQL's batch errors quote every parameter; H2 quotes the value that
 * was too long), and those can be phone numbers and message text: for them only the exception's type, its SQLState
 * and where it was thrown are said. Other exceptions keep a shortened message. The full exception goes to DEBUG.
 */
public final class SafeErrors {

    private static final int MAX_MESSAGE = 200;

    private SafeErrors() {
    }

    /**
     * @param failure a failure
     * @return one line naming it: {@code "SQLException (SQLState 22021) at InboxStore.insert:72"}
     */
    public static String describe(Throwable failure) {
        SQLException sql = sqlCause(failure);
        StringBuilder line = new StringBuilder();
        if (sql != null) {
            line.append(sql.getClass().getSimpleName()).append(" (SQLState ").append(sql.getSQLState()).append(')');
        } else {
            Throwable root = rootOf(failure);
            line.append(root.getClass().getSimpleName());
            String message = root.getMessage();
            if (message != null && !message.isBlank()) {
                String flat = message.replaceAll("\\s+", " ").trim();
                line.append(": ").append(flat.length() > MAX_MESSAGE ? flat.substring(0, MAX_MESSAGE) + "…" : flat);
            }
        }
        String where = where(failure);
        if (where != null) {
            line.append(" at ").append(where);
        }
        return line.toString();
    }

    /**
     * @param failure a failure
     * @return what makes two failures "the same error" for the once-per-error log: type, SQLState and place
     */
    public static String identity(Throwable failure) {
        SQLException sql = sqlCause(failure);
        Throwable root = sql != null ? sql : rootOf(failure);
        return root.getClass().getName() + '|' + (sql == null ? "" : sql.getSQLState()) + '|' + where(failure);
    }

    /**
     * @param failure a failure
     * @return the first {@link SQLException} in its cause chain, or {@code null}
     */
    public static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The innermost frame in hookbot's own code: searched from the root cause outwards. */
    private static String where(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Collections.reverse(chain);
        for (Throwable t : chain) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("io.hookbot.")) {
                    String type = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
                    return type + "." + frame.getMethodName() + ":" + frame.getLineNumber();
                }
            }
        }
        return null;
    }
}
