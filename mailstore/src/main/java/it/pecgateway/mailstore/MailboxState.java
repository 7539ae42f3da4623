package it.pecgateway.mailstore;

/** Life cycle of a mailbox: created inactive, activated by its holder, suspended by operators, expired. */
public enum MailboxState { INACTIVE, ACTIVE, SUSPENDED, EXPIRED }
