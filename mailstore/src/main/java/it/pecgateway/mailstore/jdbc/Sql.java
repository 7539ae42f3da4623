package it.pecgateway.mailstore.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers over JDBC. Instants are stored as epoch milliseconds on both backends, booleans as 0/1. */
public final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
            }
        }
    }

    /** The first column of the first row, or {@code orElse} when there is no row or it is null. */
    public static long longValue(Connection c, String sql, long orElse, Object... args) throws SQLException {
        return one(c, sql, rs -> {
            long v = rs.getLong(1);
            return rs.wasNull() ? orElse : v;
        }, args).orElse(orElse);
    }

    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int at = i + 1;
            if (a == null) {
                ps.setNull(at, Types.VARCHAR);
            } else if (a instanceof NullLong) {
                ps.setNull(at, Types.BIGINT);
            } else if (a instanceof Instant t) {
                ps.setLong(at, t.toEpochMilli());
            } else if (a instanceof Boolean b) {
                ps.setInt(at, b ? 1 : 0);
            } else if (a instanceof Long l) {
                ps.setLong(at, l);
            } else if (a instanceof Integer n) {
                ps.setInt(at, n);
            } else if (a instanceof String s) {
                ps.setString(at, s);
            } else if (a instanceof byte[] b) {
                ps.setBytes(at, b);
            } else {
                throw new IllegalArgumentException("unsupported parameter type " + a.getClass());
            }
        }
    }

    /** A null for a BIGINT column (PostgreSQL wants the type of a null parameter). */
    public enum NullLong { NULL }

    /** An optional instant as a parameter. */
    public static Object millis(Optional<Instant> t) {
        return t.isPresent() ? t.get() : NullLong.NULL;
    }

    public static Object millis(Instant t) {
        return t != null ? t : NullLong.NULL;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    public static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed"));
    }
}
