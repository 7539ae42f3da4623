package it.pecgateway.mailstore;

/** A stored message body. */
public record BlobId(long value) { }
