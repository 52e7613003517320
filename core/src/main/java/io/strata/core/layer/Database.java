package io.strata.core.layer;

import java.sql.Connection;
import java.sql.SQLException;

/** The platform database of one environment: how to connect, and how to name it without secrets. */
public interface Database {

    /** {@code postgresql} or {@code mysql}; picked from the URL. */
    String dialect();

    /** The URL with any password masked: safe to print, journal and put in errors. */
    String displayUrl();

    /** A new connection; the caller closes it. */
    Connection connect() throws SQLException;
}
