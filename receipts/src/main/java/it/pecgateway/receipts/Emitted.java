package it.pecgateway.receipts;

import java.util.Optional;

/**
 * What a builder wrote: the Message-ID to log (digest 9.9) and the kind.
 *
 * @param form the delivery receipt form actually written (Cc recipients get the concise one); empty for other kinds
 */
public record Emitted(String messageId, MessageKind kind, Optional<ReceiptType> form) {
}
