package it.pecgateway.gateway.ops.sms;

import java.io.IOException;

/** Sends a short text message to a phone; implementations hand it to an SMS gateway and return once it is queued. */
public interface SmsSender {

    /**
     * @param phone an international number, {@code +} and digits ({@link PhoneNumbers#normalize})
     * @param text  plain text, at most {@link #MAX_TEXT} characters
     * @throws IOException when the message could not be queued
     */
    void send(String phone, String text) throws IOException;

    /** One SMS (GSM 7-bit alphabet). */
    int MAX_TEXT = 160;
}
