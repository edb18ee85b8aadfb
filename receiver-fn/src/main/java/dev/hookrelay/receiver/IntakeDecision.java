package dev.hookrelay.receiver;

/** What the intake does with a request once its headers are in, before any of its body is read. */
enum IntakeDecision {
    /** The webhook path, POST, within the size limit: Micronaut reads the body and the provider verifies it. */
    DELIVERY,
    /** A probe or a scrape without a body: Micronaut answers it. */
    PASS,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    TOO_LARGE,
    /** Too many bodies for the webhook path are arriving at once. */
    BUSY
}
