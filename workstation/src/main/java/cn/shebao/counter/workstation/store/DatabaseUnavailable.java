package cn.shebao.counter.workstation.store;

import cn.shebao.counter.workstation.i18n.LocalizedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import javax.net.ssl.SSLException;

/**
 * Why a server database could not be reached, in the words IT needs to fix it: wrong user or password, no such
 * database, the server not answering, or its TLS certificate not trusted are four different fixes, and "cannot read
 * database metadata" named none of them. Decided by the SQLState where the driver sets one (PostgreSQL's 28xxx for
 * authentication, 3D000 for a missing database) and by the cause for the network and TLS failures, which PostgreSQL's
 * driver reports under the one connection state 08001/08006.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** {@code where} is the JDBC URL without its parameters (credentials are never in it; TLS options need not be shown). */
    public static LocalizedException explain(SQLException e, String url) {
        String where = url == null ? "?" : url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return new LocalizedException(e, "database.error.credentials", where);
        }
        if (state.equals("3D000")) {
            return new LocalizedException(e, "database.error.noDatabase", where);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException) {
                return new LocalizedException(e, "database.error.tls", where);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException) {
                return new LocalizedException(e, "database.error.unreachable", where);
            }
        }
        if (state.startsWith("08")) {
            return new LocalizedException(e, "database.error.unreachable", where);
        }
        return new LocalizedException(e, "database.error.other", where, state.isEmpty() ? "-" : state);
    }
}
