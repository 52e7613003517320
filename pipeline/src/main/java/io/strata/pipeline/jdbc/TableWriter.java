package io.strata.pipeline.jdbc;

import io.strata.pipeline.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * How one dialect performs the three write modes. Each method runs on a fresh connection it may
 * configure, writes every row or nothing, and returns the rows written. On an exception the caller
 * drops the connection, and with it anything uncommitted. {@code sent} hears of rows sent so far.
 */
interface TableWriter {

    long replace(Connection c, TableName table, Rows rows, boolean inPlace, LongConsumer sent) throws SQLException;

    long append(Connection c, TableName table, Rows rows, LongConsumer sent) throws SQLException;

    long merge(Connection c, TableName table, List<String> keys, Rows rows, LongConsumer sent) throws SQLException;
}
