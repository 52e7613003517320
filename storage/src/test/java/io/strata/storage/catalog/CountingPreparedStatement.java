package io.strata.storage.catalog;

import java.io.InputStream;
import java.io.Reader;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/** A prepared statement of a {@link CountingConnection}: every execute* call counts once. */
@SuppressWarnings("deprecation")
final class CountingPreparedStatement extends CountingStatement implements PreparedStatement {

    private final PreparedStatement prepared;

    CountingPreparedStatement(CountingConnection owner, PreparedStatement delegate) {
        super(owner, delegate);
        this.prepared = delegate;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        owner.counted();
        return prepared.executeQuery();
    }

    @Override
    public int executeUpdate() throws SQLException {
        owner.counted();
        return prepared.executeUpdate();
    }

    @Override
    public void setNull(int a0, int a1) throws SQLException {
        prepared.setNull(a0, a1);
    }

    @Override
    public void setBoolean(int a0, boolean a1) throws SQLException {
        prepared.setBoolean(a0, a1);
    }

    @Override
    public void setByte(int a0, byte a1) throws SQLException {
        prepared.setByte(a0, a1);
    }

    @Override
    public void setShort(int a0, short a1) throws SQLException {
        prepared.setShort(a0, a1);
    }

    @Override
    public void setInt(int a0, int a1) throws SQLException {
        prepared.setInt(a0, a1);
    }

    @Override
    public void setLong(int a0, long a1) throws SQLException {
        prepared.setLong(a0, a1);
    }

    @Override
    public void setFloat(int a0, float a1) throws SQLException {
        prepared.setFloat(a0, a1);
    }

    @Override
    public void setDouble(int a0, double a1) throws SQLException {
        prepared.setDouble(a0, a1);
    }

    @Override
    public void setBigDecimal(int a0, java.math.BigDecimal a1) throws SQLException {
        prepared.setBigDecimal(a0, a1);
    }

    @Override
    public void setString(int a0, String a1) throws SQLException {
        prepared.setString(a0, a1);
    }

    @Override
    public void setBytes(int a0, byte[] a1) throws SQLException {
        prepared.setBytes(a0, a1);
    }

    @Override
    public void setDate(int a0, Date a1) throws SQLException {
        prepared.setDate(a0, a1);
    }

    @Override
    public void setTime(int a0, Time a1) throws SQLException {
        prepared.setTime(a0, a1);
    }

    @Override
    public void setTimestamp(int a0, Timestamp a1) throws SQLException {
        prepared.setTimestamp(a0, a1);
    }

    @Override
    public void setAsciiStream(int a0, InputStream a1, int a2) throws SQLException {
        prepared.setAsciiStream(a0, a1, a2);
    }

    @Override
    public void setUnicodeStream(int a0, InputStream a1, int a2) throws SQLException {
        prepared.setUnicodeStream(a0, a1, a2);
    }

    @Override
    public void setBinaryStream(int a0, InputStream a1, int a2) throws SQLException {
        prepared.setBinaryStream(a0, a1, a2);
    }

    @Override
    public void clearParameters() throws SQLException {
        prepared.clearParameters();
    }

    @Override
    public void setObject(int a0, Object a1, int a2) throws SQLException {
        prepared.setObject(a0, a1, a2);
    }

    @Override
    public void setObject(int a0, Object a1) throws SQLException {
        prepared.setObject(a0, a1);
    }

    @Override
    public boolean execute() throws SQLException {
        owner.counted();
        return prepared.execute();
    }

    @Override
    public void addBatch() throws SQLException {
        prepared.addBatch();
    }

    @Override
    public void setCharacterStream(int a0, Reader a1, int a2) throws SQLException {
        prepared.setCharacterStream(a0, a1, a2);
    }

    @Override
    public void setRef(int a0, Ref a1) throws SQLException {
        prepared.setRef(a0, a1);
    }

    @Override
    public void setBlob(int a0, Blob a1) throws SQLException {
        prepared.setBlob(a0, a1);
    }

    @Override
    public void setClob(int a0, Clob a1) throws SQLException {
        prepared.setClob(a0, a1);
    }

    @Override
    public void setArray(int a0, Array a1) throws SQLException {
        prepared.setArray(a0, a1);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return prepared.getMetaData();
    }

    @Override
    public void setDate(int a0, Date a1, Calendar a2) throws SQLException {
        prepared.setDate(a0, a1, a2);
    }

    @Override
    public void setTime(int a0, Time a1, Calendar a2) throws SQLException {
        prepared.setTime(a0, a1, a2);
    }

    @Override
    public void setTimestamp(int a0, Timestamp a1, Calendar a2) throws SQLException {
        prepared.setTimestamp(a0, a1, a2);
    }

    @Override
    public void setNull(int a0, int a1, String a2) throws SQLException {
        prepared.setNull(a0, a1, a2);
    }

    @Override
    public void setURL(int a0, java.net.URL a1) throws SQLException {
        prepared.setURL(a0, a1);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return prepared.getParameterMetaData();
    }

    @Override
    public void setRowId(int a0, RowId a1) throws SQLException {
        prepared.setRowId(a0, a1);
    }

    @Override
    public void setNString(int a0, String a1) throws SQLException {
        prepared.setNString(a0, a1);
    }

    @Override
    public void setNCharacterStream(int a0, Reader a1, long a2) throws SQLException {
        prepared.setNCharacterStream(a0, a1, a2);
    }

    @Override
    public void setNClob(int a0, NClob a1) throws SQLException {
        prepared.setNClob(a0, a1);
    }

    @Override
    public void setClob(int a0, Reader a1, long a2) throws SQLException {
        prepared.setClob(a0, a1, a2);
    }

    @Override
    public void setBlob(int a0, InputStream a1, long a2) throws SQLException {
        prepared.setBlob(a0, a1, a2);
    }

    @Override
    public void setNClob(int a0, Reader a1, long a2) throws SQLException {
        prepared.setNClob(a0, a1, a2);
    }

    @Override
    public void setSQLXML(int a0, SQLXML a1) throws SQLException {
        prepared.setSQLXML(a0, a1);
    }

    @Override
    public void setObject(int a0, Object a1, int a2, int a3) throws SQLException {
        prepared.setObject(a0, a1, a2, a3);
    }

    @Override
    public void setAsciiStream(int a0, InputStream a1, long a2) throws SQLException {
        prepared.setAsciiStream(a0, a1, a2);
    }

    @Override
    public void setBinaryStream(int a0, InputStream a1, long a2) throws SQLException {
        prepared.setBinaryStream(a0, a1, a2);
    }

    @Override
    public void setCharacterStream(int a0, Reader a1, long a2) throws SQLException {
        prepared.setCharacterStream(a0, a1, a2);
    }

    @Override
    public void setAsciiStream(int a0, InputStream a1) throws SQLException {
        prepared.setAsciiStream(a0, a1);
    }

    @Override
    public void setBinaryStream(int a0, InputStream a1) throws SQLException {
        prepared.setBinaryStream(a0, a1);
    }

    @Override
    public void setCharacterStream(int a0, Reader a1) throws SQLException {
        prepared.setCharacterStream(a0, a1);
    }

    @Override
    public void setNCharacterStream(int a0, Reader a1) throws SQLException {
        prepared.setNCharacterStream(a0, a1);
    }

    @Override
    public void setClob(int a0, Reader a1) throws SQLException {
        prepared.setClob(a0, a1);
    }

    @Override
    public void setBlob(int a0, InputStream a1) throws SQLException {
        prepared.setBlob(a0, a1);
    }

    @Override
    public void setNClob(int a0, Reader a1) throws SQLException {
        prepared.setNClob(a0, a1);
    }
}
