package io.picaco.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

/**
 * The cache key of a model call: role, endpoint, model, parameters (temperature, max tokens, log-probabilities)
 * and the messages, plus the per-call seed, which carries the sample index — so repeated samples stay distinct.
 */
final class CallKey {
    private CallKey() {
    }

    static String of(Role role, String endpoint, String model, Double temperature, Integer maxTokens, boolean logprobs,
            int seed, List<ChatMessage> messages) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Object part : List.of(role.name(), endpoint, model, String.valueOf(temperature),
                    String.valueOf(maxTokens), String.valueOf(logprobs), String.valueOf(seed))) {
                update(md, part.toString());
            }
            for (ChatMessage m : messages) {
                update(md, m.type().name());
                update(md, text(m));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) (b.length >>> 24));
        md.update((byte) (b.length >>> 16));
        md.update((byte) (b.length >>> 8));
        md.update((byte) b.length);
        md.update(b);
    }

    static String text(ChatMessage m) {
        if (m instanceof SystemMessage s) {
            return s.text();
        }
        if (m instanceof UserMessage u) {
            return u.singleText();
        }
        if (m instanceof AiMessage a) {
            return a.text();
        }
        return m.toString();
    }
}
