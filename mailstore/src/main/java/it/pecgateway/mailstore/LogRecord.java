package it.pecgateway.mailstore;

/** A stored log event with its place in the hash chain (hex SHA-256). */
public record LogRecord(long sequence, LogEvent event, String previousHash, String hash) { }
