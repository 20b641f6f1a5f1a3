package io.picaco.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Stable per-call seeds derived from the run seed and the call's content, so reruns reproduce. */
public final class Seeds {
    private Seeds() {
    }

    public static int derive(long base, Object... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Long.toString(base).getBytes(StandardCharsets.UTF_8));
            for (Object p : parts) {
                md.update((byte) 0);
                md.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
            }
            byte[] h = md.digest();
            // OpenAI-compatible servers take a non-negative 32-bit seed.
            return ((h[0] & 0x7f) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
