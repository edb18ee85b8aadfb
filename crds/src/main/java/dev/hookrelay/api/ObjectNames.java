package dev.hookrelay.api;

/** Names of objects derived from a Receiver's name, kept valid as DNS labels. */
public final class ObjectNames {
    public static final int DNS_LABEL_MAX = 63;
    private static final int HASH_CHARS = 8;

    private ObjectNames() {
    }

    /**
     * {@code prefix + name}, or, when that is longer than {@code maxLength}, a truncation of it
     * followed by {@code -} and 8 hex characters of its SHA-256, so distinct names stay distinct.
     */
    public static String derived(String prefix, String name, int maxLength) {
        String full = prefix + name;
        if (full.length() <= maxLength) {
            return full;
        }
        String hash = Sha256.hex(full).substring(0, HASH_CHARS);
        String head = full.substring(0, maxLength - HASH_CHARS - 1).replaceAll("[-.]+$", "");
        return head + "-" + hash;
    }
}
