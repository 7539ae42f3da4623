package it.pecgateway.access.pop3;

/** RFC 1939 states; UPDATE is entered by QUIT and ends the session. */
enum Pop3State { AUTHORIZATION, TRANSACTION }
