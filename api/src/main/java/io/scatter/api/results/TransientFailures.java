package io.scatter.api.results;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;

/**
 * Tells failures that will pass by themselves (the database unreachable, restarting, overloaded, or a deadlock or
 * serialization conflict) from failures that retrying cannot fix.
 */
public final class TransientFailures {

    /** SQLSTATE classes: connection exception, transaction rollback, insufficient resources, operator intervention. */
    private static final List<String> TRANSIENT_SQL_STATES = List.of("08", "40", "53", "57P");

    private TransientFailures() {
    }

    /** Whether {@code failure}, or anything in its cause chain, is transient. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && TRANSIENT_SQL_STATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
